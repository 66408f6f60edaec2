import { createContext, useContext, useEffect } from 'react';

/** How a page tells the shell which menu section it belongs to, when its address does not say (a body's page). */
export const MenuSectionContext = createContext<(section: string | null) => void>(() => {});

/** Declares the page's menu section while it is shown (null: the address decides). */
export function useMenuSection(section: string | null): void {
  const declare = useContext(MenuSectionContext);
  useEffect(() => {
    declare(section);
    return () => declare(null);
  }, [declare, section]);
}
