import type { IsoDate } from '@coso/domain';
import { useAsOf } from '../lists/use-as-of';
import { useListParams } from '../lists/use-list-params';

/** A detail page's date: `?asOf=` in the address (shareable), else today or the territory's last day. */
export function useDetailAsOf(): { asOf: IsoDate; setAsOf(date: IsoDate): void } {
  const { params, update } = useListParams();
  const { asOf } = useAsOf(params.get('asOf'));
  return { asOf, setAsOf: (date) => update({ asOf: date }) };
}

/** Links between detail pages keep the date being looked at. */
export function detailPath(section: 'units' | 'buildings' | 'organizations' | 'people', id: string, asOf?: IsoDate): string {
  return `/${section}/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`;
}
