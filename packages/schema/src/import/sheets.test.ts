import type { CellValue } from '@coso/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.js';
import { columnsOfKind, importKind } from './kinds.js';
import type { Sheet } from './read-file.js';
import { chooseSheet } from './sheets.js';

/**
 * The sheet an import reads by default (#14 item 2): over generated workbooks whose sheets are of
 * known shapes — a title page, a list of another kind, this kind's list with every column, this
 * kind's list missing a required column, an empty sheet — the choice is the first full list, else
 * the first list found, else the first sheet holding data, else the first.
 */
// The kinds' columns come from the registered entities.
buildSchema();
const kindNamed = (name: string) => {
  const kind = importKind(name);
  if (!kind) throw new Error(`no import kind ${name}`);
  return kind;
};
const people = kindNamed('people');
const memberships = kindNamed('memberships');
const headerOf = (labels: string[]): CellValue[] => labels;
const peopleLabels = columnsOfKind(people).map((c) => c.label.vi);
const requiredPeople = columnsOfKind(people).filter((c) => c.required);

type Shape = 'title' | 'otherKind' | 'full' | 'missingRequired' | 'empty';
const SHAPES: Shape[] = ['title', 'otherKind', 'full', 'missingRequired', 'empty'];

function sheetOf(shape: Shape, name: string): Sheet {
  const title: CellValue[][] = [['DANH SÁCH NĂM 2025'], ['Phường Phúc Lợi']];
  switch (shape) {
    case 'title':
      return { name, rows: title };
    case 'otherKind':
      // Memberships' own columns, without those it shares with people (a citizen ID, a source key).
      return {
        name,
        rows: [
          ...title,
          headerOf(
            columnsOfKind(memberships)
              .map((c) => c.label.vi)
              .filter((l) => !peopleLabels.includes(l)),
          ),
          ['x'],
        ],
      };
    case 'full':
      return { name, rows: [...title, headerOf(peopleLabels), ['NK-1', 'Người Thử']] };
    case 'missingRequired': {
      const dropped = requiredPeople[0]?.label.vi;
      return { name, rows: [headerOf(peopleLabels.filter((l) => l !== dropped)), ['NK-1']] };
    }
    case 'empty':
      return { name, rows: [] };
  }
}

/** The oracle, from the shapes alone. */
function expected(shapes: readonly Shape[]): number {
  const first = (ok: (s: Shape) => boolean) => shapes.findIndex(ok);
  for (const found of [first((s) => s === 'full'), first((s) => s === 'missingRequired'), first((s) => s !== 'empty')]) {
    if (found >= 0) return found;
  }
  return 0;
}

describe('the sheet an import reads (#14 item 2)', () => {
  it('by default: the first whose header row matches the kind, else the first with a header row, else the first with data', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 6 }), (shapes) => {
        const sheets = shapes.map((shape, i) => sheetOf(shape, `Trang ${i + 1}`));
        expect(chooseSheet(sheets, people).name).toBe(`Trang ${expected(shapes) + 1}`);
      }),
      { numRuns: 300 },
    );
  });

  it('the one named, whatever it holds; a name the file does not have is refused, naming the sheets it has', () => {
    const sheets = [sheetOf('full', 'Danh sách'), sheetOf('title', 'Bìa')];
    expect(chooseSheet(sheets, people, 'Bìa').name).toBe('Bìa');
    expect(() => chooseSheet(sheets, people, 'Không có')).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({
            code: 'IMPORT_SHEET_UNKNOWN',
            path: ['sheet'],
            message: {
              vi: 'Tệp không có trang tính "Không có"; các trang: "Danh sách", "Bìa".',
              en: 'The file has no sheet "Không có"; its sheets: "Danh sách", "Bìa".',
            },
          }),
        ],
      }),
    );
  });
});
