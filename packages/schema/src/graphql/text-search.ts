import { likeLiteral, searchWords } from './filters.js';

/**
 * Places searched as people name them (issue #13 item 4, #15): "tổ 5 giang biên", "to 5 giang
 * bien" or "Tổ dân phố số 5". A place's search text is its own folded name plus the folded names
 * of the wards, communes and districts it lies in or has lain in (the unit closure at any date, so a
 * group moved by a merger is still found by its former ward's words). Nothing is stored twice: the
 * words are the `name_search` columns the write path already keeps, joined through the closure the
 * database keeps, so a renamed ward or a moved group is found by its new words in the same
 * transaction. The province is left out: every place lies in it, so its words would match everything.
 */

/** Kinds of unit whose names qualify the places below them ("Giang Biên", "Long Biên"). */
export const QUALIFYING_KINDS = ['WARD', 'COMMUNE', 'DISTRICT'] as const;

type Row = Record<string, unknown>;

/**
 * Conditions on a folded column for one folded word. A number matches whole numbers only, so
 * "5" finds "số 5" and never "số 15" or "số 50": the exact number is the only one offered.
 * Other words match anywhere in the column, as every other search does.
 */
export function wordConditions(column: string, word: string): Row[] {
  const literal = likeLiteral(word);
  if (!/^\d+$/u.test(word)) return [{ [column]: { contains: literal } }];
  return [
    { [column]: literal },
    { [column]: { startsWith: `${literal} ` } },
    { [column]: { endsWith: ` ${literal}` } },
    { [column]: { contains: ` ${literal} ` } },
  ];
}

/** Prisma conditions on AdministrativeUnit: every word of `search` is in the place's own name or a qualifying place above it. */
export function placeSearchWhere(search: string): Row[] {
  return searchWords(search).map((word) => {
    const own = wordConditions('nameSearch', word);
    return {
      OR: [...own, { closureAncestors: { some: { ancestor: { kind: { in: [...QUALIFYING_KINDS] }, OR: own } } } }],
    };
  });
}
