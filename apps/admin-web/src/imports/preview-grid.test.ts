import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionCounts, type PreviewError, previewGrid } from './preview-grid';

const err = (rowNumber: number | null, column: string | null, code = 'X'): PreviewError => ({
  rowNumber,
  column,
  code,
  message: { vi: `lỗi ${code}`, en: `error ${code}` },
});

describe('previewGrid: each error of an import preview in one place', () => {
  it('puts the people file’s two errors on their cells (hand-laid fixture)', () => {
    const rows = [10, 11, 24].map((n) => ({
      rowNumber: n,
      action: n === 10 ? 'CREATE' : null,
      recordId: null,
      cells: [
        { column: 'fullName', value: `Người ${n}` },
        { column: 'citizenId', value: n === 11 ? '1061500007' : '001061500010' },
      ],
    }));
    const badId = err(11, 'citizenId', 'CITIZEN_ID_FORMAT');
    const outside = err(24, 'residenceUnitId', 'FORBIDDEN');
    const wholeRow = err(24, null, 'IMPORT_ROW');
    const hiddenColumn = err(10, 'notShown', 'INVALID_VALUE');
    const sheet = err(null, null, 'IMPORT_COLUMN_MISSING');
    const strayRow = err(99, 'citizenId', 'STRAY');
    const grid = previewGrid(['fullName', 'citizenId', 'residenceUnitId'], rows, [badId, outside, wholeRow, hiddenColumn, sheet, strayRow]);
    expect(grid.rows.map((r) => [r.rowNumber, r.cellErrors, r.rowErrors])).toEqual([
      [10, {}, [hiddenColumn]],
      [11, { citizenId: [badId] }, []],
      [24, { residenceUnitId: [outside] }, [wholeRow]],
    ]);
    expect(grid.rows[1]?.values).toEqual({ fullName: 'Người 11', citizenId: '1061500007' });
    expect(grid.sheetErrors).toEqual([sheet, strayRow]);
    expect(grid.rowsWithErrors).toBe(3);
  });

  it('loses no error and places each where its row and column are shown (generated previews)', () => {
    const columns = ['a', 'b', 'c', 'd'];
    const arbitrary = fc.record({
      rowNumbers: fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { maxLength: 12 }),
      shown: fc.subarray(columns),
      errors: fc.array(
        fc.record({
          rowNumber: fc.option(fc.integer({ min: 1, max: 45 }), { nil: null }),
          column: fc.option(fc.constantFrom(...columns, 'zz'), { nil: null }),
          code: fc.constantFrom('A', 'B', 'C'),
        }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, ({ rowNumbers, shown, errors }) => {
        const list = errors.map((e) => err(e.rowNumber, e.column, e.code));
        const rows = rowNumbers.map((rowNumber) => ({ rowNumber, action: null, recordId: null, cells: [] }));
        const grid = previewGrid(shown, rows, list);
        // Where each error should be, from its own fields.
        const exists = new Set(rowNumbers);
        const placed: Array<[PreviewError, string]> = [];
        for (const r of grid.rows) {
          for (const [column, es] of Object.entries(r.cellErrors)) for (const e of es) placed.push([e, `cell:${r.rowNumber}:${column}`]);
          for (const e of r.rowErrors) placed.push([e, `row:${r.rowNumber}`]);
        }
        for (const e of grid.sheetErrors) placed.push([e, 'sheet']);
        expect(placed).toHaveLength(list.length);
        for (const e of list) {
          const where = placed.filter(([p]) => p === e).map(([, w]) => w);
          const expected =
            e.rowNumber === null || !exists.has(e.rowNumber)
              ? 'sheet'
              : e.column !== null && shown.includes(e.column)
                ? `cell:${e.rowNumber}:${e.column}`
                : `row:${e.rowNumber}`;
          expect(where).toEqual([expected]);
        }
        const erring = new Set(list.flatMap((e) => (e.rowNumber !== null && exists.has(e.rowNumber) ? [e.rowNumber] : [])));
        expect(grid.rowsWithErrors).toBe(erring.size);
        expect(grid.rows.map((r) => r.rowNumber)).toEqual(rowNumbers);
      }),
    );
  });
});

describe('actionCounts', () => {
  it('counts each action, rows with errors (no action) counted in none', () => {
    expect(actionCounts([{ action: 'CREATE' }, { action: null }, { action: 'UNCHANGED' }, { action: 'CREATE' }])).toEqual({
      CREATE: 2,
      UNCHANGED: 1,
    });
  });
});
