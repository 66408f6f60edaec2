import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function DashboardPage() {
  return <ComingSoonPage feature="menu.dashboard" />;
}
