import { useSyncExternalStore } from 'react';

/**
 * Below this width the shell is the phone layout (menu in a drawer, compact header). Ant Design's
 * `md` breakpoint (768 px): a phone in portrait, and a small tablet's narrow window.
 */
export const PHONE_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is phone-wide now, read synchronously (no desktop flash on the first render). */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
