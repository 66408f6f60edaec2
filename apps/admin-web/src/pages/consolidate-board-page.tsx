import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function ConsolidateBoardPage() {
  return <ComingSoonPage feature="menu.boards" />;
}
