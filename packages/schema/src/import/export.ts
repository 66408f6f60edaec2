import { formatViDate, type ImportColumn, type IsoDate, searchKey } from '@coso/domain';
import ExcelJS from 'exceljs';
import { modelFacts } from '../entities/data-model.js';
import { activeOnWhere, fromDbDate, toDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import { columnsOfKind, type ImportKind, specOf } from './kinds.js';
import type { Table } from './read-file.js';

/**
 * A kind's records as of a date, written in its template's columns as people write them, so the
 * file imports back (into this database or an empty one): a row's source key is the record's id,
 * a reference is the citizen ID of a person, the code of a unit that has one on the date, and
 * otherwise the referenced record's id — the source key its own kind's export gave it, which the
 * import of that earlier file registered. The title block states the date ("Ngày số liệu"), which
 * the import takes as the date of rows without one of their own. Records valid on the date, or
 * (`history`) every record begun by the date with its own period; narrowed by a list's filters (`where`).
 */
type Db = Pick<Tx, '$queryRawUnsafe'> & Record<string, unknown>;
type Row = Record<string, unknown>;

type FindMany = { findMany(a: object): Promise<Row[]> };
const delegateOf = (db: Db, typename: string) => db[modelFacts(typename).delegate] as FindMany;

export interface ExportOptions {
  /**
   * Dated records that began by the date, also those that ended before it (their `validTo` in the
   * row): the history up to the date, not only what holds on it.
   */
  history?: boolean;
  /** Only the records this further condition (a Prisma `where` of the kind's model) selects: a list's filters. */
  where?: Readonly<Record<string, unknown>>;
}

export async function exportKind(db: Db, kind: ImportKind, asOf: IsoDate, options: ExportOptions = {}): Promise<Table> {
  const spec = specOf(kind);
  const columns = columnsOfKind(kind);
  const facts = modelFacts(spec.typename);
  const dated = facts.dates.has('validFrom') ? (options.history ? { validFrom: { lte: toDbDate(asOf) } } : activeOnWhere(asOf)) : {};
  const where = {
    AND: [dated, kind.fixed?.kind !== undefined ? { kind: kind.fixed.kind } : {}, kind.exportWhere?.(asOf) ?? {}, options.where ?? {}],
  };
  let records = await delegateOf(db, spec.typename).findMany({ where, orderBy: { id: 'asc' } });
  const extras = await extraValues(db, spec.typename, records, asOf);
  if (spec.typename === 'Organization') records = parentsFirst(records, extras);
  const refs = new ReferenceWriter(db, asOf);
  const rows: Table = [];
  for (const record of records) {
    const values: Row = { ...record, ...(extras.get(String(record.id)) ?? {}), sourceKey: record.id };
    const row = [];
    for (const column of columns) row.push(await cellOf(column, values[column.key], refs));
    rows.push(row);
  }
  return [[kind.label.vi], [`Ngày số liệu: ${formatViDate(asOf)}`], [], columns.map((c) => c.label.vi), ...rows];
}

async function cellOf(column: ImportColumn, value: unknown, refs: ReferenceWriter): Promise<string | number | null> {
  if (value === null || value === undefined) return null;
  const type = column.type;
  switch (type.kind) {
    case 'date':
      return formatViDate(value instanceof Date ? fromDbDate(value) : String(value));
    case 'boolean':
      return value ? 'Có' : 'Không';
    case 'integer':
      return Number(value);
    case 'enum': {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return values.map((v) => type.labels[v]?.vi ?? v).join('; ');
    }
    case 'reference': {
      const ids = Array.isArray(value) ? value.map(String) : [String(value)];
      if (ids.length === 0) return null;
      const texts = [];
      for (const id of ids) texts.push(await refs.text(type.typename, id));
      return texts.join('; ');
    }
    default:
      return String(value);
  }
}

/** How a reference is written: a person's citizen ID, a unit's code on the date, else the record's id (its source key). */
class ReferenceWriter {
  private readonly cache = new Map<string, string>();
  constructor(
    private readonly db: Db,
    private readonly asOf: IsoDate,
  ) {}

  async text(typename: string, id: string): Promise<string> {
    const key = `${typename}:${id}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    let text = id;
    if (typename === 'Person') {
      const [p] = await delegateOf(this.db, 'Person').findMany({ where: { id }, select: { citizenId: true } });
      if (typeof p?.citizenId === 'string') text = p.citizenId;
    } else if (typename === 'AdministrativeUnit') {
      const [c] = await delegateOf(this.db, 'UnitCode').findMany({
        where: { unitId: id, ...activeOnWhere(this.asOf) },
        select: { code: true },
      });
      if (typeof c?.code === 'string') text = c.code;
    }
    this.cache.set(key, text);
    return text;
  }
}

/**
 * The create-only fields a kind's row carries that live in other tables: a unit's parent on the
 * date, a body's parent and the places it serves on the date.
 */
async function extraValues(db: Db, typename: string, records: Row[], asOf: IsoDate): Promise<Map<string, Row>> {
  const ids = records.map((r) => String(r.id));
  const out = new Map<string, Row>(ids.map((id) => [id, {}]));
  const put = (id: string, key: string, value: unknown, list = false) => {
    const row = out.get(id);
    if (!row) return;
    row[key] = list ? [...((row[key] as unknown[] | undefined) ?? []), value] : value;
  };
  if (typename === 'AdministrativeUnit') {
    for (const p of await delegateOf(db, 'UnitParent').findMany({ where: { unitId: { in: ids }, ...activeOnWhere(asOf) } }))
      put(String(p.unitId), 'parentId', p.parentId);
  }
  if (typename === 'Organization') {
    for (const p of await delegateOf(db, 'OrganizationParent').findMany({ where: { organizationId: { in: ids }, ...activeOnWhere(asOf) } }))
      put(String(p.organizationId), 'parentId', p.parentId);
    const areas = await delegateOf(db, 'OrganizationArea').findMany({
      where: { organizationId: { in: ids }, ...activeOnWhere(asOf) },
      orderBy: { unitId: 'asc' },
    });
    for (const a of areas) put(String(a.organizationId), 'unitIds', a.unitId, true);
  }
  return out;
}

/** Bodies above before the bodies under them: a row's parent is then already imported when the row names it. */
function parentsFirst(records: Row[], extras: Map<string, Row>): Row[] {
  const byId = new Map(records.map((r) => [String(r.id), r]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = extras.get(id)?.parentId;
    const d = typeof parent === 'string' && byId.has(parent) && !seen.has(parent) ? depthOf(parent, new Set([...seen, id])) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  return [...records].sort(
    (a, b) =>
      depthOf(String(a.id), new Set()) - depthOf(String(b.id), new Set()) || searchKey(String(a.id)).localeCompare(searchKey(String(b.id))),
  );
}

/** A table as an `.xlsx` workbook of one sheet (every cell a value, never a formula). */
export async function tableToXlsx(table: Table, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for (const row of table) sheet.addRow(row); // a string is stored as text: exceljs writes a formula only from { formula }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
