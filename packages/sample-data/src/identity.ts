import type { Sex } from '@coso/domain';
import type { Random } from './random.js';

/** Hà Nội's province code in the citizen ID (Circular 59/2021/TT-BCA). */
export const HANOI_CITIZEN_ID_PROVINCE = '001';

/**
 * Mobile prefixes in use in Việt Nam (0 + network code). Numbers are random: they are not anyone's
 * on purpose, but like any well-formed number they may be assigned to someone. Never dial them.
 */
const MOBILE_PREFIXES = [
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '056',
  '058',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '088',
  '089',
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
] as const;

/**
 * Hands out citizen IDs and mobile numbers, each unique in the dataset (the database keeps citizen
 * IDs unique). A citizen ID encodes the birth year and sex: 001 + century/sex digit + yy + 6 digits.
 */
export class IdentityRegistry {
  private readonly citizenIds = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** Marks numbers already handed out elsewhere (the sample's, when generating a city's clones). */
  reserve(citizenId: string | null, phone: string | null): void {
    if (citizenId) this.citizenIds.add(citizenId);
    if (phone) this.phones.add(phone);
  }

  citizenId(birthYear: number, sex: Sex): string {
    const century = Math.floor((birthYear - 1900) / 100);
    const centurySex = century * 2 + (sex === 'FEMALE' ? 1 : 0);
    const yy = String(birthYear % 100).padStart(2, '0');
    for (;;) {
      const id = `${HANOI_CITIZEN_ID_PROVINCE}${centurySex}${yy}${this.rng.digits(6)}`;
      if (this.citizenIds.has(id)) continue;
      this.citizenIds.add(id);
      return id;
    }
  }

  mobile(): string {
    for (;;) {
      const phone = `${this.rng.pick(MOBILE_PREFIXES)}${this.rng.digits(7)}`;
      if (this.phones.has(phone)) continue;
      this.phones.add(phone);
      return phone;
    }
  }
}
