import { UNIT_KIND_LABELS } from '../i18n/labels.js';
import type { Id, UnitCode, UnitKind } from '../model/places.js';
import type { IsoDate } from '../time/dates.js';
import { formatViDate } from '../time/dates.js';
import { periodsOverlap } from '../time/period.js';
import type { FieldPath, Violation } from '../validation/result.js';
import { identifierViolation } from './violation.js';

/**
 * Official administrative codes (Decision 124/2004/QĐ-TTg): 2 digits for a province (Hà Nội 01),
 * 3 for a district (Long Biên 004), 5 for a ward or commune (Ngọc Thụy 00118). Residential groups
 * have no official code. A code is unique only together with its validity period: 00118 meant
 * Ngọc Thụy until 1/7/2025 and Bồ Đề from then.
 */
export const ADMIN_CODE_DIGITS: Record<UnitKind, number | null> = {
  PROVINCE: 2,
  DISTRICT: 3,
  WARD: 5,
  COMMUNE: 5,
  RESIDENTIAL_GROUP: null,
};

const OFFICIAL_LENGTHS = [2, 3, 5] as const;

/**
 * Checks the shape of `code` for a unit of `unitKind`. Pass `null` for the kind where it is not
 * known (a code record on its own): then any official length is accepted. All-zero codes are
 * refused: numbering starts at 01 / 001 / 00001.
 */
export function validateAdminCode(code: string, unitKind: UnitKind | null, path: FieldPath): Violation[] {
  if (unitKind !== null) {
    const digits = ADMIN_CODE_DIGITS[unitKind];
    const kind = UNIT_KIND_LABELS[unitKind];
    if (digits === null) {
      return [
        identifierViolation(
          'ADMIN_CODE_FORMAT',
          path,
          `${kind.vi} không có mã đơn vị hành chính chính thức; không được nhập mã "${code}".`,
          `A ${kind.en.toLowerCase()} has no official administrative code; "${code}" must not be given.`,
        ),
      ];
    }
    if (!isCodeOfLength(code, digits)) {
      return [
        identifierViolation(
          'ADMIN_CODE_FORMAT',
          path,
          `Mã đơn vị hành chính "${code}" của ${kind.vi.toLowerCase()} phải gồm ${digits} chữ số và khác toàn số 0.`,
          `The administrative code "${code}" of a ${kind.en.toLowerCase()} must have ${digits} digits, not all zero.`,
        ),
      ];
    }
    return [];
  }
  if (OFFICIAL_LENGTHS.some((n) => isCodeOfLength(code, n))) return [];
  return [
    identifierViolation(
      'ADMIN_CODE_FORMAT',
      path,
      `Mã đơn vị hành chính "${code}" phải gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã, phường) chữ số và khác toàn số 0.`,
      `The administrative code "${code}" must have 2 (province), 3 (district) or 5 (ward/commune) digits, not all zero.`,
    ),
  ];
}

function isCodeOfLength(code: string, digits: number): boolean {
  return code.length === digits && /^\d+$/.test(code) && /[1-9]/.test(code);
}

/** A code about to be recorded for a unit. */
export interface UnitCodeCandidate {
  unitId: Id;
  code: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/**
 * ADMIN_CODE_UNIQUE for every record of `existing` in which another unit holds the same code
 * during a day of the candidate's period. The same unit holding its code again is no conflict,
 * nor is a code reused after the previous holder's period ended.
 */
export function findCodeConflicts(existing: readonly UnitCode[], candidate: UnitCodeCandidate, path: FieldPath): Violation[] {
  return existing
    .filter((e) => e.code === candidate.code && e.unitId !== candidate.unitId && periodsOverlap(e, candidate))
    .map((e) =>
      identifierViolation(
        'ADMIN_CODE_UNIQUE',
        path,
        `Mã đơn vị hành chính ${candidate.code} đã thuộc đơn vị "${e.unitId}" ${viPeriod(e.validFrom, e.validTo)}, trùng với thời gian ${viPeriod(candidate.validFrom, candidate.validTo)}.`,
        `The administrative code ${candidate.code} is held by unit "${e.unitId}" ${enPeriod(e.validFrom, e.validTo)}, which overlaps ${enPeriod(candidate.validFrom, candidate.validTo)}.`,
        { type: 'AdministrativeUnit', id: e.unitId },
      ),
    );
}

/** Periods are half-open: `validTo` is the first day no longer covered. */
function viPeriod(from: IsoDate, to: IsoDate | null): string {
  return to === null ? `từ ${formatViDate(from)}` : `từ ${formatViDate(from)} đến trước ${formatViDate(to)}`;
}

function enPeriod(from: IsoDate, to: IsoDate | null): string {
  return to === null ? `from ${from}` : `from ${from} until before ${to}`;
}
