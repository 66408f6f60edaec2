import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function UnitDetailPage() {
  return <ComingSoonPage feature="menu.units" />;
}
