import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function DirectiveReportPage() {
  return <ComingSoonPage feature="menu.directiveReport" />;
}
