import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function BuildingDetailPage() {
  return <ComingSoonPage feature="menu.buildings" />;
}
