import { useEffect, useState } from 'react';

/** How long typing must pause before a search goes to the server. */
export const SEARCH_DELAY_MS = 300;

/**
 * A server-searched select's text: `typed` follows every key, `search` (trimmed) follows it once
 * typing pauses, and is what the query is sent with.
 */
export function useDebouncedSearch() {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  return { typed, setTyped, search };
}
