import { formatViDate, type ImportColumn, type IsoDate, searchKey } from '@coso/domain';
import ExcelJS from 'exceljs';
import type { Access } from '../auth/access.js';
import { type PersonalRow, personAsSeen, seesAsStored } from '../auth/personal-data.js';
import { modelFacts } from '../entities/data-model.js';
import { activeOnWhere, fromDbDate, toDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { columnsOfKind, type ImportKind, specOf } from './kinds.js';
import type { Table } from './read-file.js';
import { withheldLine } from './withheld-file.js';

/**
 * A kind's records as of a date, written in its template's columns as people write them, so the
 * file imports back (into this database or an empty one): a row's source key is the record's id,
 * a reference is the citizen ID of a person, the code of a unit that has one on the date, and
 * otherwise the referenced record's id — the source key its own kind's export gave it, which the
 * import of that earlier file registered. The title block states the date ("Ngày số liệu"), which
 * the import takes as the date of rows without one of their own. Records valid on the date, or
 * (`history`) every record begun by the date with its own period; narrowed by a list's filters (`where`).
 *
 * As the exporter may read them, by the API's own decisions (`Access`, which every resolver asks):
 * only the records its lists would give (filtered by `readWhere`, each then passing `canRead` as a
 * listed object does), personal details as its `Person` fields give
 * them (auth/personal-data.ts), and no record it may not read (`canRead`) — a reference to one is
 * left out: the cell stays empty, or the whole row when the column is required. Left out, never
 * written as its id: an id still tells that two rows share a hidden record (the same party cell).
 * A file with anything withheld says so in its title block, and the import refuses it (withheld-file.ts).
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

/** What the exporter could not see, counted: any of it makes the file one the import refuses. */
export interface Withheld {
  /** People whose personal details are masked or left out. */
  maskedPeople: number;
  /** References to records the exporter may not read, left empty. */
  hiddenReferences: number;
  /** Rows left out because a required reference names such a record. */
  rowsLeftOut: number;
}

export interface ExportedKind {
  table: Table;
  /** Records written (the table's rows under its header). */
  rows: number;
  withheld: Withheld;
}

export const nothingWithheld = (w: Withheld): boolean => w.maskedPeople + w.hiddenReferences + w.rowsLeftOut === 0;

export async function exportKind(
  ctx: Pick<UseCaseContext, 'prisma' | 'access'>,
  kind: ImportKind,
  asOf: IsoDate,
  options: ExportOptions = {},
): Promise<ExportedKind> {
  const db = ctx.prisma as unknown as Db;
  const { access } = ctx;
  await access.load();
  const spec = specOf(kind);
  const columns = columnsOfKind(kind);
  const facts = modelFacts(spec.typename);
  const dated = facts.dates.has('validFrom') ? (options.history ? { validFrom: { lte: toDbDate(asOf) } } : activeOnWhere(asOf)) : {};
  const where = {
    AND: [
      dated,
      kind.fixed?.kind !== undefined ? { kind: kind.fixed.kind } : {},
      kind.exportWhere?.(asOf) ?? {},
      options.where ?? {},
      // The rows the API's lists give this viewer: their territory, and no party record without party rights.
      access.readWhere(spec.typename),
    ],
  };
  // Each row as the API's object type then judges it (a party record for a viewer without party rights: no).
  const found = await delegateOf(db, spec.typename).findMany({ where, orderBy: { id: 'asc' } });
  const readable = await Promise.all(found.map((r) => access.canRead(spec.typename, String(r.id), r)));
  let records = found.filter((_r, i) => readable[i]);
  const extras = await extraValues(db, spec.typename, records, asOf);
  if (spec.typename === 'Organization') records = parentsFirst(records, extras);
  const refs = new ReferenceWriter(db, access, asOf);
  const withheld: Withheld = { maskedPeople: 0, hiddenReferences: 0, rowsLeftOut: 0 };
  const rows: Table = [];
  for (const stored of records) {
    const record = spec.typename === 'Person' ? personAsSeen(access, stored as unknown as PersonalRow) : stored;
    if (spec.typename === 'Person' && !seesAsStored(access, stored as unknown as PersonalRow)) withheld.maskedPeople += 1;
    const own = kind.workflow ? await kind.workflow.current(db as unknown as Tx, String(stored.id)) : record;
    const values: Row = { ...own, ...(extras.get(String(stored.id)) ?? {}), sourceKey: stored.id };
    const row = [];
    let leftOut = false;
    for (const column of columns) {
      const cell = await cellOf(column, values[column.key], refs);
      if (cell.hidden) {
        if (column.required && cell.value === null) leftOut = true;
        else withheld.hiddenReferences += 1;
      }
      row.push(cell.value);
    }
    if (leftOut) withheld.rowsLeftOut += 1;
    else rows.push(row);
  }
  const said = [
    ...(withheld.maskedPeople ? [`số định danh, số điện thoại, ngày sinh của ${withheld.maskedPeople} người`] : []),
    ...(withheld.hiddenReferences ? [`${withheld.hiddenReferences} tham chiếu tới bản ghi ngoài quyền xem`] : []),
    ...(withheld.rowsLeftOut ? [`${withheld.rowsLeftOut} dòng gắn với bản ghi ngoài quyền xem`] : []),
  ];
  const title = [[kind.label.vi], [`Ngày số liệu: ${formatViDate(asOf)}`], ...(said.length ? [[withheldLine(said)]] : [])];
  return { table: [...title, [], columns.map((c) => c.label.vi), ...rows], rows: rows.length, withheld };
}

/** A cell's text, and whether a record it would name was left out (the exporter may not read it). */
async function cellOf(
  column: ImportColumn,
  value: unknown,
  refs: ReferenceWriter,
): Promise<{ value: string | number | null; hidden: boolean }> {
  const shown = (v: string | number | null) => ({ value: v, hidden: false });
  if (value === null || value === undefined) return shown(null);
  const type = column.type;
  switch (type.kind) {
    case 'date':
      return shown(formatViDate(value instanceof Date ? fromDbDate(value) : String(value)));
    case 'boolean':
      return shown(value ? 'Có' : 'Không');
    case 'integer':
      return shown(Number(value));
    case 'enum': {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return shown(values.map((v) => type.labels[v]?.vi ?? v).join('; '));
    }
    case 'reference': {
      const ids = Array.isArray(value) ? value.map(String) : [String(value)];
      if (ids.length === 0) return shown(null);
      const texts = [];
      let hidden = false;
      for (const id of ids) {
        const text = await refs.text(type.typename, id);
        if (text === null) hidden = true;
        else texts.push(text);
      }
      return { value: texts.length ? texts.join('; ') : null, hidden };
    }
    default:
      return shown(String(value));
  }
}

/**
 * How a reference is written: a person's citizen ID (their id, the source key of the people file,
 * when the viewer sees citizen IDs masked), a unit's code on the date, else the record's id (its
 * source key); null for a record the viewer may not read.
 */
class ReferenceWriter {
  private readonly cache = new Map<string, string | null>();
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly asOf: IsoDate,
  ) {}

  async text(typename: string, id: string): Promise<string | null> {
    const key = `${typename}:${id}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    let text: string | null = id;
    if (!(await this.access.canRead(typename, id))) text = null;
    else if (typename === 'Person' && this.access.seesPersonal) {
      const [p] = await delegateOf(this.db, 'Person').findMany({ where: { id }, select: { citizenId: true } });
      if (typeof p?.citizenId === 'string') {
        text = p.citizenId;
        this.access.logPersonalRead(id, 'citizenId');
      }
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

/** A kind's records as the viewer may read them, as an `.xlsx` in its template's shape: the API's and the CLI's export. */
export async function exportKindFile(
  ctx: Pick<UseCaseContext, 'prisma' | 'access'>,
  kind: ImportKind,
  asOf: IsoDate,
): Promise<{ bytes: Uint8Array; rows: number; withheld: Withheld }> {
  const { table, rows, withheld } = await exportKind(ctx, kind, asOf);
  await ctx.access.settled(); // the unmasked reads it logged are written before the file leaves
  return { bytes: await tableToXlsx(table, kind.label.vi), rows, withheld };
}
