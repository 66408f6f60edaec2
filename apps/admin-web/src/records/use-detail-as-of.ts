import { addDays, type IsoDate, isIsoDate } from '@coso/domain';
import { useEffect } from 'react';
import { useAsOf } from '../lists/use-as-of';
import { useListParams } from '../lists/use-list-params';

/** A record's period of existence: from `validFrom`, until `validTo` (exclusive), or still open. */
export interface RecordPeriod {
  validFrom: IsoDate;
  validTo?: IsoDate | null;
}

/**
 * `date` moved into `period`: itself when the record exists then, else the period's first day (the
 * date is before it) or its last day (the date is on or after its end).
 */
export function dateInPeriod(date: IsoDate, period: RecordPeriod): IsoDate {
  if (date < period.validFrom) return period.validFrom;
  if (period.validTo && period.validTo <= date) return addDays(period.validTo, -1);
  return date;
}

/**
 * The date a detail page shows its record as of: the address's `?asOf=` when it names a date (the
 * user chose it, even outside the record's life), else the list default (today, or the territory's
 * last day) moved into the record's period, once the record is known. A record just created after
 * the default date (a board established today by an account whose district has ended) is then
 * shown as of a day it exists, not as an empty shell.
 */
export function detailAsOf(param: string | null, fallback: IsoDate, period: RecordPeriod | null | undefined): IsoDate {
  if (param !== null && isIsoDate(param)) return param;
  return period ? dateInPeriod(fallback, period) : fallback;
}

/** A detail page's date: `?asOf=` in the address (shareable), else today or the territory's last day. */
export function useDetailAsOf(): { asOf: IsoDate; setAsOf(date: IsoDate): void } {
  const { params, update } = useListParams();
  const { asOf } = useAsOf(params.get('asOf'));
  return { asOf, setAsOf: (date) => update({ asOf: date }) };
}

/**
 * Once a detail page has its record: when the address names no date and the default is outside
 * the record's life, the address takes a date inside it (replacing the entry), and the page
 * reloads the record as of that date.
 */
export function useAsOfInsideRecord(period: RecordPeriod | null | undefined): void {
  const { params, update } = useListParams();
  const param = params.get('asOf');
  const { asOf, fallback } = useAsOf(param);
  const target = detailAsOf(param, fallback, period);
  useEffect(() => {
    if (target !== asOf) update({ asOf: target });
  }, [target, asOf, update]);
}

/** Links between detail pages keep the date being looked at. */
export function detailPath(section: 'units' | 'buildings' | 'organizations' | 'people', id: string, asOf?: IsoDate): string {
  return `/${section}/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`;
}
