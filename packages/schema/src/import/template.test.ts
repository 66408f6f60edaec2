import { describeColumn, prepareSheet } from '@coso/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.js';
import { columnsOfKind, IMPORT_KINDS } from './kinds.js';
import { readTable } from './read-file.js';
import { DATA_SHEET, GUIDE_SHEET, importTemplate } from './template.js';

buildSchema();

describe.each(IMPORT_KINDS.map((k) => [k.name, k] as const))('the %s template (#14 item 1)', (_name, kind) => {
  it('has a header per column of the input schema, the example row, drop-down lists for enums and a guide line per column', async () => {
    const columns = columnsOfKind(kind);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate(kind)) as unknown as ArrayBuffer);
    const data = workbook.getWorksheet(DATA_SHEET);
    const guide = workbook.getWorksheet(GUIDE_SHEET);
    if (!data || !guide) throw new Error('sheets missing');
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.label.vi));
    columns.forEach((column, i) => {
      const cell = data.getRow(2).getCell(i + 1);
      expect(cell.value ?? undefined).toEqual(kind.example[column.key]);
      const validation = cell.dataValidation;
      if (column.type.kind === 'enum' && !column.type.list) {
        const { values, labels } = column.type;
        expect(validation).toMatchObject({ type: 'list', formulae: [`"${values.map((v) => labels[v]?.vi).join(',')}"`] });
      } else if (column.type.kind === 'boolean') expect(validation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
      else expect(validation).toBeUndefined();
    });
    const lines = columns.map((_c, i) => (guide.getRow(i + 2).values as unknown[]).slice(1, 5));
    expect(lines).toEqual(columns.map((c) => [c.label.vi, c.label.en, c.required ? 'Có / Yes' : 'Không / No', describeColumn(c).vi]));
  });

  it('reads back through the importer: its header row found, every column matched, the example row its only row', async () => {
    const columns = columnsOfKind(kind);
    const sheet = prepareSheet(await readTable(await importTemplate(kind), `${kind.name}.xlsx`), columns);
    expect(sheet.violations).toEqual([]);
    expect(sheet.headerRow).toBe(0);
    expect(Object.keys(sheet.mapping).sort()).toEqual(columns.map((c) => c.key).sort());
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: Object.fromEntries(columns.map((c) => [c.key, kind.example[c.key] ?? null])) }]);
  });
});
