import { SEX_LABELS } from '../i18n/labels.js';
import type { Sex } from '../model/people.js';
import type { FieldPath, Violation } from '../validation/result.js';
import { maskTail } from './masking.js';
import { identifierViolation } from './violation.js';

/**
 * The 12-digit citizen ID (số định danh cá nhân / CCCD), Circular 59/2021/TT-BCA:
 * 3 digits province of birth registration (Hà Nội 001) + 1 digit century and sex + 2 digits year
 * of birth + 6 random digits. The century/sex digit is 0/1 (male/female) for 1900–1999, 2/3 for
 * 2000–2099, … 8/9 for 2300–2399.
 */
export interface CitizenIdInfo {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

const CITIZEN_ID = /^(\d{3})(\d)(\d{2})\d{6}$/;
const WHITESPACE = /\s+/gu;

/** People write IDs in groups ("001 085 012 345"); spaces carry no meaning. */
export function compactCitizenId(s: string): string {
  return s.replace(WHITESPACE, '');
}

/** What a citizen ID encodes, or null when it is not 12 digits (spaces ignored). */
export function parseCitizenId(s: string): CitizenIdInfo | null {
  const m = CITIZEN_ID.exec(compactCitizenId(s));
  if (!m) return null;
  const [, provinceCode = '', centurySex = '', yy = ''] = m;
  const digit = Number(centurySex);
  return {
    provinceCode,
    sex: digit % 2 === 0 ? 'MALE' : 'FEMALE',
    birthYear: 1900 + Math.floor(digit / 2) * 100 + Number(yy),
  };
}

/** What is declared about the person; unknown facts are not checked. */
export interface DeclaredIdentity {
  birthYear?: number | null;
  sex?: Sex | null;
}

/**
 * CITIZEN_ID_FORMAT when `value` is not 12 digits; otherwise one CITIZEN_ID_MISMATCH for each of
 * birth year and sex that disagrees with what was declared. Messages show the ID masked: they
 * end up in logs, and the ID is personal data.
 */
export function validateCitizenId(value: string, person: DeclaredIdentity, path: FieldPath): Violation[] {
  const info = parseCitizenId(value);
  if (!info) {
    return [
      identifierViolation(
        'CITIZEN_ID_FORMAT',
        path,
        'Số định danh cá nhân phải gồm đúng 12 chữ số.',
        'A citizen ID must have exactly 12 digits.',
      ),
    ];
  }
  const shown = maskCitizenId(value);
  const out: Violation[] = [];
  if (typeof person.birthYear === 'number' && person.birthYear !== info.birthYear) {
    out.push(
      identifierViolation(
        'CITIZEN_ID_MISMATCH',
        path,
        `Số định danh ${shown} cho biết năm sinh ${info.birthYear} nhưng năm sinh đã khai là ${person.birthYear}.`,
        `Citizen ID ${shown} says born ${info.birthYear} but the birth year given is ${person.birthYear}.`,
      ),
    );
  }
  if (person.sex && person.sex !== info.sex) {
    const encoded = SEX_LABELS[info.sex];
    const declared = SEX_LABELS[person.sex];
    out.push(
      identifierViolation(
        'CITIZEN_ID_MISMATCH',
        path,
        `Số định danh ${shown} cho biết giới tính ${encoded.vi.toLowerCase()} nhưng giới tính đã khai là ${declared.vi.toLowerCase()}.`,
        `Citizen ID ${shown} says ${encoded.en.toLowerCase()} but the sex given is ${declared.en.toLowerCase()}.`,
      ),
    );
  }
  return out;
}

/** Shows the last 3 digits only: 001085012345 → *********345 (see masking.ts for why). */
export function maskCitizenId(s: string): string {
  return maskTail(compactCitizenId(s));
}
