import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function PersonFormPage() {
  return <ComingSoonPage feature="menu.people" />;
}
