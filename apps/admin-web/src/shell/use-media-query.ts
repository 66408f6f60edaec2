import { useSyncExternalStore } from 'react';

/** Whether a CSS media query holds now, read synchronously and followed as it changes (false outside a browser). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The user's system asks for less motion (an accessibility setting): the app then animates nothing. */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';
