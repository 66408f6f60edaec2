import type { IsoDate } from '@coso/domain';
import { todayInVietnam } from '@coso/domain';
import { asOfFromParam, defaultAsOf } from '../places/as-of-date';
import { useSignedInUser } from '../session/session';

/**
 * The date a page shows data as of: `?asOf=` in the address, else today, or the last day of the
 * account's territory when that has ended (a district abolished by the 2025 reorganisation).
 */
export function useAsOf(param: string | null): { asOf: IsoDate; fallback: IsoDate; today: IsoDate } {
  const user = useSignedInUser();
  const today = todayInVietnam();
  const fallback = defaultAsOf(today, user.scopeUnit?.validTo);
  return { asOf: asOfFromParam(param, fallback), fallback, today };
}
