import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function OrganizationDetailPage() {
  return <ComingSoonPage feature="menu.organizations" />;
}
