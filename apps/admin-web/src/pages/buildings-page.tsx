import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function BuildingsPage() {
  return <ComingSoonPage feature="menu.buildings" />;
}
