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

/**
 * Prisma conditions on AdministrativeUnit for `search`, read as people write a place: its own name
 * first, then (optionally) the place it lies in — "tổ 5 giang biên" is "tổ 5" in "Giang Biên". The
 * words split into a head, each in the place's own name, and a tail that begins the name of a
 * qualifying place above it ("giang" begins "giang bien": found while typing). So "giang bien"
 * finds the ward Giang Biên, not its groups (no head word in their names) nor Đức Giang ("bien"
 * begins no ward's or district's name: it ends "long bien").
 */
export function placeSearchWhere(search: string): Row[] {
  const words = searchWords(search);
  if (words.length === 0) return [];
  const headMatches = (head: string[]) => head.map((word) => ({ OR: wordConditions('nameSearch', word) }));
  const splits = words.map((_, i) => {
    const head = words.slice(0, words.length - i);
    const tail = words.slice(words.length - i).join(' ');
    if (!tail) return { AND: headMatches(head) };
    return {
      AND: [
        ...headMatches(head),
        {
          closureAncestors: { some: { ancestor: { kind: { in: [...QUALIFYING_KINDS] }, nameSearch: { startsWith: likeLiteral(tail) } } } },
        },
      ],
    };
  });
  return [{ OR: splits }];
}
