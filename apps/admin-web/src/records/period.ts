import { addDays, formatViDate, type IsoDate } from '@coso/domain';
import type { Translate } from '../i18n/language';
import type { recordsMessages } from '../i18n/messages/records';

/** "Từ 01/07/2025 đến nay", or "Từ … đến 30/06/2025": validTo is exclusive, so the last day is the day before. */
export function periodText(t: Translate<typeof recordsMessages>, validFrom: IsoDate, validTo: IsoDate | null | undefined): string {
  return validTo
    ? t('records.period.closed', { from: formatViDate(validFrom), to: formatViDate(addDays(validTo, -1)) })
    : t('records.period.open', { from: formatViDate(validFrom) });
}

export type PeriodState = 'not-started' | 'active' | 'ended';

/** Where `asOf` falls in a period [validFrom, validTo). */
export function periodState(validFrom: IsoDate, validTo: IsoDate | null | undefined, asOf: IsoDate): PeriodState {
  if (asOf < validFrom) return 'not-started';
  if (validTo && validTo <= asOf) return 'ended';
  return 'active';
}
