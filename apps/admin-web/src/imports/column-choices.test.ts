import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnChoices, columnLetter, headersInUse } from './column-choices';

describe('columnChoices: the matching sent after a user corrects it', () => {
  it('keeps the server’s matching, puts the user’s changes over it, leaves out columns with no header', () => {
    const matched = [
      { key: 'fullName', header: 2 },
      { key: 'citizenId', header: null },
      { key: 'phone', header: 7 },
      { key: 'sex', header: 3 },
    ];
    expect(columnChoices(matched, { citizenId: 6, phone: null })).toEqual([
      { key: 'fullName', header: 2 },
      { key: 'citizenId', header: 6 },
      { key: 'sex', header: 3 },
    ]);
    expect(columnChoices(matched, {})).toEqual([
      { key: 'fullName', header: 2 },
      { key: 'phone', header: 7 },
      { key: 'sex', header: 3 },
    ]);
  });

  it('for any matching and changes: an override wins, else the server’s header; order of the columns kept (generated)', () => {
    const header = fc.option(fc.nat(20), { nil: null });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 }).chain((keys) =>
          fc.record({
            matched: fc.tuple(...keys.map((key) => header.map((h) => ({ key, header: h })))),
            overrides: fc.dictionary(fc.constantFrom(...keys, 'other'), header),
          }),
        ),
        ({ matched, overrides }) => {
          const result = columnChoices(matched, overrides);
          const expected = matched
            .map((m) => ({ key: m.key, header: m.key in overrides ? overrides[m.key] : m.header }))
            .filter((c): c is { key: string; header: number } => c.header !== null && c.header !== undefined);
          expect(result).toEqual(expected);
        },
      ),
    );
  });

  it('names the columns reading the same header', () => {
    expect(
      headersInUse([
        { key: 'a', header: 1 },
        { key: 'b', header: 1 },
        { key: 'c', header: 2 },
      ]),
    ).toEqual(
      new Map([
        [1, ['a', 'b']],
        [2, ['c']],
      ]),
    );
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('is read back to its index by the spreadsheet’s rule (generated)', () => {
    const read = (letters: string) => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
    fc.assert(
      fc.property(fc.nat(20_000), (i) => {
        expect(read(columnLetter(i))).toBe(i);
      }),
    );
  });
});
