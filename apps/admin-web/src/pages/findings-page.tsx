import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function FindingsPage() {
  return <ComingSoonPage feature="menu.findings" />;
}
