import type { OrganizationKind } from '@coso/domain';
import { ComingSoonPage } from './coming-soon-page';

/** Not built yet. */
export function OrganizationsPage({ kinds }: { kinds?: readonly OrganizationKind[] }) {
  return (
    <ComingSoonPage
      feature={kinds?.[0] === 'PARTY_CELL' ? 'menu.partyCells' : kinds?.[0] === 'MANAGEMENT_BOARD' ? 'menu.boards' : 'menu.organizations'}
    />
  );
}
