import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function EstablishBoardPage() {
  return <ComingSoonPage feature="menu.boards" />;
}
