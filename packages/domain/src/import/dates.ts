import { addDays, type IsoDate, isIsoDate } from '../time/dates.js';

/**
 * Dates as spreadsheets hold them: `dd/mm/yyyy` (also with `-` or `.`, one-digit day or month),
 * ISO `yyyy-mm-dd`, and Excel serial numbers (days since 30/12/1899 in the 1900 date system, whose
 * fictitious 29/02/1900 is serial 60). A serial is read from a number cell, or from text of exactly
 * five digits (serials 10000–99999 are the years 1927–2173; a four-digit "1985" is a year, not a date).
 */
export type CellValue = string | number | boolean | null;

const VI_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const SERIAL_TEXT = /^\d{5}$/u;

/** Serial 61 is 01/03/1900; earlier serials are the 1900 system's own (serial 60 is no real day). */
const EXCEL_EPOCH: IsoDate = '1899-12-30';
const MAX_SERIAL = 2_958_465; // 31/12/9999

/** The date an Excel serial day number stands for (1900 date system), or null when it is none. */
export function excelSerialToDate(serial: number): IsoDate | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > MAX_SERIAL || day === 60) return null;
  const date = addDays(day < 60 ? '1899-12-31' : EXCEL_EPOCH, day);
  return isIsoDate(date) ? date : null;
}

/** The ISO date a cell holds, or null when it holds none (blank cells are the caller's business). */
export function parseDateCell(value: CellValue): IsoDate | null {
  if (typeof value === 'number') return excelSerialToDate(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (SERIAL_TEXT.test(s)) return excelSerialToDate(Number(s));
  const vi = VI_DATE.exec(s);
  const iso = vi ? null : ISO.exec(s);
  const [y, m, d] = vi ? [vi[3], vi[2], vi[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}
