import { readFileSync } from 'node:fs';
import * as domain from '@coso/domain';
import { columnLabel, ENTITY_TYPE_LABELS } from '@coso/domain';
import { PARTY_FIGURES } from '@coso/schema';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  parse as parseQuery,
  print,
  type SelectionSetNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../test-support/sign-in.js';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.js';

/**
 * Every list the admin web shows, exported as three roles in both formats and read back, equals
 * what the API answers the same account for the same query. The lists are not written here: they
 * are every paged query (`$after`) of the admin web's generated documents, plus filtered and
 * ordered variants and the API's memberships list. The expected cells come from this file's own
 * reading of the API's values (dates dd/mm/yyyy, Có/Không, the domain's Vietnamese words for enum
 * values and kinds of record), not from the export's code.
 */
let t: TestGateway;
const tokens: Record<string, string> = {};
const ROLES = ['quan.longbien', 'phuong.giangbien', 'phantich'] as const;
/** The sample's date of review (Long Biên is a district then; districts ended on 2025-07-01). */
const TODAY = '2022-12-01';

/** The admin web's documents as codegen printed them (apps/admin-web/src/gql/graphql.ts). */
function adminWebDocuments(): Array<{ name: string; query: string }> {
  const file = readFileSync(new URL('../../../admin-web/src/gql/graphql.ts', import.meta.url), 'utf8');
  return [...file.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as /gm)].map(([, name, json]) => ({
    name: name as string,
    query: print(JSON.parse(json as string) as DocumentNode),
  }));
}

const MEMBERSHIPS = `query MembershipsExport($asOf: Date!, $filter: MembershipFilter, $first: Int!, $after: String) {
  memberships(asOf: $asOf, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id role validFrom validTo person { id fullName } organization { id name kind } post { label } }
  }
}`;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}
let cases: Case[] = [];

async function graphql(token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
}

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  tokens.admin = await signIn(t.gateway.graphqlUrl, 'admin');
  for (const role of ROLES) tokens[role] = await signIn(t.gateway.graphqlUrl, role);
  const ids = await graphql(
    tokens.admin,
    `query { district: unitByCode(code: "004", asOf: "2022-12-01") { id } wards: units(asOf: "2022-12-01", filter: { kind: WARD, name: { search: "Giang Biên" } }, first: 1) { nodes { id } } directives(first: 1) { nodes { id } } }`,
    {},
  );
  const found = ids.data as {
    district: { id: string };
    wards: { nodes: Array<{ id: string }> };
    directives: { nodes: Array<{ id: string }> };
  };
  const district = found.district.id;
  const wardId = found.wards.nodes[0]?.id;
  const directiveId = found.directives.nodes[0]?.id;
  const report = await graphql(
    tokens.admin,
    'query($d: ID!, $s: ID!, $to: Date!) { directiveReport(directiveId: $d, scopeId: $s, to: $to) { figures { key value } } }',
    { d: directiveId, s: district, to: TODAY },
  );
  const { figures } = (report.data as { directiveReport: { figures: Array<{ key: string; value: number }> } }).directiveReport;
  const counted = figures.filter((f) => f.value > 0);
  const plainKey = counted.find((f) => !PARTY_FIGURES.has(f.key))?.key;
  const partyKey = counted.find((f) => PARTY_FIGURES.has(f.key))?.key;
  expect(plainKey && partyKey).toBeTruthy();

  // Values for the variables the admin web's list queries declare, by name; a new one fails here.
  const value = (name: string, key: string | undefined): unknown => {
    const known: Record<string, unknown> = {
      asOf: TODAY,
      to: TODAY,
      scopeId: district,
      id: district,
      directiveId,
      key,
      wardId,
      from: null,
    };
    if (['first', 'after', 'filter', 'orderBy', 'codes', 'wardIds', 'states', 'overdue', 'party'].includes(name)) return undefined;
    if (!(name in known)) throw new Error(`list-export.test: no value for $${name}; add one`);
    return known[name];
  };
  const variablesOf = (query: string, key?: string) =>
    Object.fromEntries([...query.matchAll(/\$(\w+):/g)].map(([, n]) => [n, value(n as string, key)]).filter(([, v]) => v !== undefined));
  const lists = adminWebDocuments().filter((d) => /\$after\b/.test(d.query));
  expect(lists.map((d) => d.name)).toEqual(
    expect.arrayContaining(['UnitsList', 'BuildingsList', 'OrganizationsList', 'PeopleList', 'FindingsList', 'FigureRecords']),
  );
  const organizations = lists.find((d) => d.name === 'OrganizationsList') as { query: string };
  const units = lists.find((d) => d.name === 'UnitsList') as { query: string };
  const people = lists.find((d) => d.name === 'PeopleList') as { query: string };
  cases = [
    // The people of one ward (a district's thousands would make this file slow on a shared machine; same mechanism).
    ...lists.map((d) => ({
      name: d.name,
      query: d.query,
      variables: { ...variablesOf(d.query, plainKey), ...(d.name === 'PeopleList' && { filter: { residenceWithinUnitId: wardId } }) },
    })),
    ...lists
      .filter((d) => d.name.includes('FigureRecords'))
      .map((d) => ({ name: `${d.name} (party figure)`, query: d.query, variables: variablesOf(d.query, partyKey) })),
    { name: 'boards', query: organizations.query, variables: { asOf: TODAY, filter: { kind: 'MANAGEMENT_BOARD' } } },
    { name: 'party cells', query: organizations.query, variables: { asOf: TODAY, filter: { kind: 'PARTY_CELL' } } },
    {
      name: 'wards by name, descending',
      query: units.query,
      variables: { asOf: TODAY, filter: { kind: 'WARD' }, orderBy: [{ field: 'NAME', direction: 'DESC' }] },
    },
    {
      name: 'women of a ward by birth year',
      query: people.query,
      variables: {
        asOf: TODAY,
        filter: { sex: 'FEMALE', residenceWithinUnitId: wardId },
        orderBy: [{ field: 'BIRTH_YEAR', direction: 'DESC' }],
      },
    },
    { name: 'memberships', query: MEMBERSHIPS, variables: { asOf: TODAY } },
  ];
}, 120_000);
afterAll(() => t?.close());

/** The API's whole list for an account: its own pages of 50, so the export's paging (200) is not the oracle's. */
async function apiList(token: string, c: Case): Promise<{ rows: Record<string, unknown>[]; code?: string }> {
  const rows: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (;;) {
    const body = await graphql(token, c.query, { ...c.variables, first: 50, after });
    const connection = connectionIn(body.data, c.query);
    // No list and no error: the API answers nothing there (an analyst's share of a party figure).
    if (!connection) return body.errors?.length || !body.data ? { rows, code: body.errors?.[0]?.extensions?.code ?? 'NO_DATA' } : { rows };
    rows.push(...(connection.nodes ?? connection.edges?.map((e) => e.node) ?? []));
    if (!connection.pageInfo.hasNextPage) return { rows };
    after = connection.pageInfo.endCursor;
  }
}

type Connection = {
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes?: Record<string, unknown>[];
  edges?: Array<{ node: Record<string, unknown> }>;
};

/** The one object under `data` that has `pageInfo` (inside a list of one, a report's figure). */
function connectionIn(data: unknown, _query: string): Connection | undefined {
  if (Array.isArray(data)) return data.length === 1 ? connectionIn(data[0], _query) : undefined;
  if (!data || typeof data !== 'object') return undefined;
  if ('pageInfo' in data) return data as Connection;
  for (const v of Object.values(data)) {
    const found = connectionIn(v, _query);
    if (found) return found;
  }
  return undefined;
}

/** The fields a row selects, in order (fragments read in place): top-level under nodes / edges.node, no ids (`id`, `…Id`), no __typename. */
function rowFields(query: string): string[] {
  const document = parseQuery(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const fields = (selection: SelectionSetNode | undefined): FieldNode[] =>
    (selection?.selections ?? []).flatMap((node) =>
      node.kind === Kind.FIELD
        ? [node]
        : fields(node.kind === Kind.INLINE_FRAGMENT ? node.selectionSet : fragments.get(node.name.value)?.selectionSet),
    );
  const find = (selection: SelectionSetNode | undefined): FieldNode[] | undefined => {
    const here = fields(selection);
    if (here.some((f) => f.name.value === 'pageInfo')) {
      const nodes = here.find((f) => f.name.value === 'nodes');
      const edge = fields(here.find((f) => f.name.value === 'edges')?.selectionSet).find((f) => f.name.value === 'node');
      return fields((nodes ?? edge)?.selectionSet);
    }
    for (const node of here) {
      const inner = find(node.selectionSet);
      if (inner) return inner;
    }
    return undefined;
  };
  // A related record selected with nothing that names it (a finding's `work { id version }`) is for the program, not a column.
  const naming = ['name', 'fullName', 'label', 'code', 'vi', 'totalCount', 'nodes', 'title', 'subject'];
  const names = (find(operation.selectionSet) ?? [])
    .filter((f) => !f.selectionSet || fields(f.selectionSet).some((g) => naming.includes(g.name.value)))
    .map((f) => f.name.value);
  // Global ids (`id`, `wardId`, `entityId`) are for programs; a citizen ID is a person's number.
  const isGlobalId = (name: string) => name === 'id' || (name.endsWith('Id') && name !== 'citizenId');
  return [...new Set(names)].filter((name) => !isGlobalId(name) && name !== '__typename');
}

/** Every Vietnamese word the domain has for a key, across its label tables. */
function domainWordsFor(key: string): string[] {
  return Object.values(domain).flatMap((table) =>
    table && typeof table === 'object' && !Array.isArray(table) && Object.hasOwn(table, key)
      ? [(table as Record<string, { vi?: unknown }>)[key]?.vi].filter((w): w is string => typeof w === 'string')
      : [],
  );
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const DANGEROUS = /^[=+\-@\t\r]/;

/** Checks one file cell against the API's value of that field. */
function expectCell(format: 'xlsx' | 'csv', field: string, api: unknown, cell: unknown, where: string) {
  const text = cell === null || cell === undefined ? '' : cell instanceof Date ? cell : String(cell);
  if (api === null || api === undefined) return expect(text, where).toBe('');
  if (typeof api === 'boolean') return expect(text, where).toBe(api ? 'Có' : 'Không');
  if (typeof api === 'number') return expect(format === 'xlsx' ? cell : text, where).toBe(format === 'xlsx' ? api : String(api));
  if (typeof api === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(api)) {
    if (format === 'csv') return expect(text, where).toBe(ddmmyyyy(api));
    return expect((cell as Date).toISOString().slice(0, 10), where).toBe(api);
  }
  if (typeof api === 'string' && (field === 'type' || field === 'entityType'))
    return expect(text, where).toBe(ENTITY_TYPE_LABELS[api as keyof typeof ENTITY_TYPE_LABELS].vi);
  if (typeof api === 'string' && field === 'severity') return expect(text, where).toBe('Cảnh báo');
  if (typeof api === 'string' && /^[A-Z][A-Z0-9_]+$/.test(api) && field !== 'code') {
    // An enum value: one of the domain's words for it, never the key itself.
    expect(domainWordsFor(api), where).toContain(text);
    return expect(text, where).not.toBe(api);
  }
  if (typeof api === 'string') {
    const expected = format === 'csv' && DANGEROUS.test(api) ? `'${api}` : format === 'xlsx' ? api.replace(/\r\n?/g, '\n') : api;
    return expect(text, where).toBe(expected);
  }
  const record = api as Record<string, unknown>;
  // A count of related records: the number.
  if (Object.keys(record).join() === 'totalCount') return expectCell(format, field, record.totalCount, cell, where);
  // A related record: its name is in the cell.
  const name = [record.vi, record.name, record.fullName, record.label].find((v): v is string => typeof v === 'string');
  if (name) expect(String(text), where).toContain(name);
}

async function exportFile(token: string, c: Case, format: 'xlsx' | 'csv') {
  return fetch(`${new URL(t.gateway.graphqlUrl).origin}/exports/list.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables, title: `Danh sách ${c.name}`, filters: ['Tìm: "giang"'] }),
  });
}

/** A file's rows as arrays of cell values (xlsx: ExcelJS values; csv: strings). */
async function rowsOf(format: 'xlsx' | 'csv', body: ArrayBuffer): Promise<unknown[][]> {
  if (format === 'csv') return parseCsv(Buffer.from(body).toString('utf8'), { bom: true, relax_column_count: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(Array.isArray(values) ? values.slice(1) : []);
  }
  return rows;
}

describe('POST /exports/list.xlsx|csv: every list the admin web shows, as the API answers it', () => {
  it('has the lists to run', () => expect(cases.length).toBeGreaterThanOrEqual(13));

  for (const role of ROLES)
    for (const format of ['xlsx', 'csv'] as const)
      it(`as ${role}, .${format}: the same rows and cells as the API, Vietnamese headers, the date and scope in the file`, async () => {
        const token = tokens[role] as string;
        for (const c of cases) {
          const api = await apiList(token, c);
          const res = await exportFile(token, c, format);
          const where = `${c.name} as ${role}`;
          if (api.code) {
            // The API refuses this account the list (party figures, the system's accounts): so does the export.
            expect(res.status, where).toBeGreaterThanOrEqual(400);
            expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code, where).toBe(
              api.code,
            );
            continue;
          }
          expect(res.status, `${where}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
          const rows = await rowsOf(format, await res.arrayBuffer());
          const blank = rows.findIndex((r) => r.every((v) => v === null || v === undefined || v === ''));
          const block = rows.slice(0, blank).map((r) => String(r[0]));
          expect(block[0], where).toBe(`Danh sách ${c.name}`);
          expect(block, where).toContain(`Ngày số liệu: ${ddmmyyyy(TODAY)}`);
          expect(block, where).toContain('Điều kiện lọc: Tìm: "giang"');
          const scope = block.find((l) => l.startsWith('Phạm vi: '));
          expect(scope, where).toBe(
            {
              'quan.longbien': 'Phạm vi: Quận Long Biên',
              'phuong.giangbien': 'Phạm vi: Phường Giang Biên',
              phantich: 'Phạm vi: Toàn bộ dữ liệu',
            }[role],
          );

          const fields = rowFields(c.query);
          const header = rows[blank + 1] ?? [];
          expect(header, where).toEqual(fields.map((f) => columnLabel(f)?.vi));
          for (const h of header) expect(String(h), where).toMatch(/[^\x20-\x7e]/); // Vietnamese, never a key
          const data = rows.slice(blank + 2);
          expect(data.length, where).toBe(api.rows.length);
          for (const [i, row] of api.rows.entries())
            for (const [j, field] of fields.entries())
              expectCell(format, field, row[field], data[i]?.[j], `${where}, row ${i + 1}, ${field}`);
          if (role === 'phantich') expect(JSON.stringify(data), `${where}: a citizen ID unmasked`).not.toMatch(/\b\d{12}\b/);
        }
      }, 600_000);
});

describe('a people list exported and imported back', () => {
  // Exported as of 2022-12-01, each row's "Nơi thường trú" names a place of that date; the import
  // resolves a row without its own date as of the file's "Ngày số liệu" (import/row-date.ts).
  it('is in the people template’s columns: every row is found by its citizen ID and nothing changes', async () => {
    const token = tokens['quan.longbien'] as string;
    const people = cases.find((c) => c.name === 'PeopleList') as Case;
    const res = await exportFile(token, people, 'xlsx');
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const rows = (await rowsOf('xlsx', file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer)).filter(
      (r) => r.length > 1,
    );
    const exported = rows.length - 1; // the header row
    expect(exported).toBeGreaterThan(10);
    const before = await t.prisma.person.count();
    const upload = await fetch(`${new URL(t.gateway.graphqlUrl).origin}/imports?kind=people&fileName=nhan-khau.xlsx`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const preview = await graphql(
      token,
      'query($id: String!) { importBatch(id: $id) { preview { counts { rows unchanged } errors { rowNumber column code } } } }',
      { id },
    );
    const answer = (preview.data as { importBatch: { preview: { counts: { rows: number; unchanged: number }; errors: unknown[] } } })
      .importBatch.preview;
    expect(answer.errors).toEqual([]);
    // Counted over the whole sheet (the preview's rows are a page).
    expect(answer.counts).toEqual({ rows: exported, unchanged: exported });
    expect(await t.prisma.person.count()).toBe(before);
  }, 300_000);
});
