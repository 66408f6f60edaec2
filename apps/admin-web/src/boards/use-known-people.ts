import { useCallback, useMemo, useState } from 'react';
import type { KnownPerson } from './person-select';

/**
 * Every person the page has seen (owners, members, search results), by id: a chosen person
 * keeps their name when the search moves on, and messages can name people instead of ids.
 */
export function useKnownPeople(...lists: ReadonlyArray<readonly KnownPerson[]>) {
  const [found, setFound] = useState<ReadonlyMap<string, KnownPerson>>(new Map());
  const addKnown = useCallback((people: readonly KnownPerson[]) => {
    setFound((previous) => {
      if (people.every((p) => previous.has(p.id))) return previous;
      const next = new Map(previous);
      for (const p of people) if (!next.has(p.id)) next.set(p.id, { id: p.id, fullName: p.fullName, birthYear: p.birthYear ?? null });
      return next;
    });
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the lists are the dependencies
  const known = useMemo(() => {
    const all = new Map(found);
    for (const list of lists) for (const p of list) all.set(p.id, p);
    return all as ReadonlyMap<string, KnownPerson>;
  }, [found, ...lists]);
  return { known, addKnown };
}
