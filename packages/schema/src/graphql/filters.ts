import { searchKey } from '@coso/domain';
import { toDbDate } from '../store/db-dates.js';
import { bilingualError } from './bilingual-error.js';
import { builder } from './builder.js';

/** Characters of one `search` (every word becomes a LIKE condition, so it is kept short). */
export const MAX_SEARCH_LENGTH = 200;

export const TextFilter = builder.inputType('TextFilter', {
  description: 'Lọc theo chữ / Text filter. `search` ignores case and Vietnamese diacritics ("giang bien" finds "Giang Biên").',
  fields: (t) => ({
    equals: t.string({ required: false }),
    in: t.stringList({ required: false }),
    search: t.string({
      required: false,
      description: `Every word must occur, with or without diacritics; \`_\` and \`%\` are plain characters. At most ${MAX_SEARCH_LENGTH} characters.`,
    }),
  }),
});

export const DateRange = builder.inputType('DateRange', {
  description: 'Khoảng ngày / Date range, both ends inclusive; either end may be left open.',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: false }),
    to: t.field({ type: 'Date', required: false }),
  }),
});

export const IdFilter = builder.inputType('IdFilter', {
  fields: (t) => ({
    equals: t.id({ required: false }),
    in: t.idList({ required: false }),
  }),
});

type TextFilterValue = { equals?: string | null; in?: string[] | null; search?: string | null } | null | undefined;

/**
 * Prisma conditions for a text filter over a display column and its folded search column. The query
 * is folded (case, diacritics) like the search column; a column with no folded twin (a directive's
 * code, ASCII by nature) is compared ignoring case, so "05-tt/qu" and "05-TT/QU" both find it.
 */
export function textWhere(filter: TextFilterValue, column: string, searchColumn?: string): Record<string, unknown>[] {
  if (!filter) return [];
  const out: Record<string, unknown>[] = [];
  if (filter.equals != null) out.push({ [column]: filter.equals.normalize('NFC') });
  if (filter.in != null) out.push({ [column]: { in: filter.in.map((s) => s.normalize('NFC')) } });
  if (filter.search != null) {
    for (const word of searchWords(filter.search)) {
      const literal = likeLiteral(word);
      out.push(searchColumn ? { [searchColumn]: { contains: literal } } : { [column]: { contains: literal, mode: 'insensitive' } });
    }
  }
  return out;
}

/** The folded words of a search (case and diacritics folded like the search columns); a search longer than the limit is refused. */
export function searchWords(search: string): string[] {
  if ([...search].length > MAX_SEARCH_LENGTH) {
    throw bilingualError(
      'BAD_USER_INPUT',
      {
        vi: `Chuỗi tìm kiếm dài quá ${MAX_SEARCH_LENGTH} ký tự.`,
        en: `The search is longer than ${MAX_SEARCH_LENGTH} characters.`,
      },
      { argument: 'search', maximum: MAX_SEARCH_LENGTH },
    );
  }
  return searchKey(search).split(' ').filter(Boolean);
}

/**
 * Prisma's `contains` is PostgreSQL's LIKE '%word%' with the word as given, so `_` and `%` in a
 * search would match any character and any run (issue #12: `_` found 2 509 of 2 510 people).
 * Escaped with LIKE's default escape character, they match themselves.
 */
export function likeLiteral(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function dateRangeWhere(
  range: { from?: string | null; to?: string | null } | null | undefined,
  column: string,
): Record<string, unknown>[] {
  if (!range) return [];
  const cond: Record<string, Date> = {};
  if (range.from) cond.gte = toDbDate(range.from);
  if (range.to) cond.lte = toDbDate(range.to);
  return Object.keys(cond).length ? [{ [column]: cond }] : [];
}

export function enumWhere<T extends string>(
  equals: T | null | undefined,
  list: readonly T[] | null | undefined,
  column: string,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (equals != null) out.push({ [column]: equals });
  if (list != null) out.push({ [column]: { in: [...list] } });
  return out;
}
