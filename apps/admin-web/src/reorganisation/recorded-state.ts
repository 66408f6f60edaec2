import type { IsoDate } from '@coso/domain';

/** What the record form hands the explorer (router state) after a success, for its confirmation. */
export interface RecordedState {
  recorded: { legalBasis: string; effectiveOn: IsoDate };
}

export function isRecordedState(value: unknown): value is RecordedState {
  if (typeof value !== 'object' || value === null || !('recorded' in value)) return false;
  const recorded: unknown = value.recorded;
  return (
    typeof recorded === 'object' &&
    recorded !== null &&
    'legalBasis' in recorded &&
    typeof recorded.legalBasis === 'string' &&
    'effectiveOn' in recorded &&
    typeof recorded.effectiveOn === 'string'
  );
}
