import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function PeoplePage() {
  return <ComingSoonPage feature="menu.people" />;
}
