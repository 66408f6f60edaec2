import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function ReorganisationPage() {
  return <ComingSoonPage feature="menu.explorer" />;
}
