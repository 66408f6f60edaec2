import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function ExplorerPage() {
  return <ComingSoonPage feature="menu.explorer" />;
}
