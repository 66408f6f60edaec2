import { maskCitizenId, maskPhone } from '@coso/domain';
import type { Access } from './access.js';

/**
 * A person's personal details as a viewer may see them — the one rule the API's `Person` fields
 * and the template export both apply: citizen ID and phone masked to their last 3 digits, the date
 * of birth left out, and a `validFrom` that is the date of birth given as 1 January of the birth
 * year, unless the role keeps the records; then every unmasked read is logged.
 */
export interface PersonalRow {
  id: string;
  citizenId: string | null;
  phone: string | null;
  birthDate: Date | null;
  validFrom: Date;
}

export type PersonalField = 'citizenId' | 'phone' | 'birthDate' | 'validFrom';

const MASKS = { citizenId: maskCitizenId, phone: maskPhone } as const;

/** A masked or unmasked-and-logged citizen ID or phone. */
export function personalText(access: Access, personId: string, field: 'citizenId' | 'phone', value: string | null): string | null {
  if (value === null) return null;
  if (!access.seesPersonal) return MASKS[field](value);
  access.logPersonalRead(personId, field);
  return value;
}

/** The date of birth: null for roles without personal data, else logged. */
export function personalBirthDate(access: Access, p: Pick<PersonalRow, 'id' | 'birthDate'>): Date | null {
  if (p.birthDate === null || !access.seesPersonal) return null;
  access.logPersonalRead(p.id, 'birthDate');
  return p.birthDate;
}

/** `validFrom`, which is the date of birth when known: 1 January of that year for roles without personal data. */
export function personalValidFrom(access: Access, p: Pick<PersonalRow, 'birthDate' | 'validFrom'>): Date {
  return !access.seesPersonal && p.birthDate !== null && p.validFrom.getTime() === p.birthDate.getTime()
    ? new Date(Date.UTC(p.validFrom.getUTCFullYear(), 0, 1))
    : p.validFrom;
}

/** Whether a viewer sees a person's details as stored (false: some of them are masked or left out). */
export function seesAsStored(access: Access, p: PersonalRow): boolean {
  return access.seesPersonal || (p.citizenId === null && p.phone === null && p.birthDate === null);
}

/** The row with every personal detail as the viewer may see it. */
export function personAsSeen<T extends PersonalRow>(access: Access, p: T): T {
  return {
    ...p,
    citizenId: personalText(access, p.id, 'citizenId', p.citizenId),
    phone: personalText(access, p.id, 'phone', p.phone),
    birthDate: personalBirthDate(access, p),
    validFrom: personalValidFrom(access, p),
  };
}
