import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function PersonDetailPage() {
  return <ComingSoonPage feature="menu.people" />;
}
