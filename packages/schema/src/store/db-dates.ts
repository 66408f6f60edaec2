import type { IsoDate } from '@coso/domain';

/** PostgreSQL `date` columns arrive through Prisma as JS Dates at UTC midnight. */
export function toDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function fromDbDateOrNull(date: Date | null | undefined): IsoDate | null {
  return date ? fromDbDate(date) : null;
}

/** Prisma `where` for records valid on `date`: validFrom ≤ date < validTo (validTo NULL = current). */
export function activeOnWhere(date: IsoDate) {
  const d = toDbDate(date);
  return { validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }] };
}
