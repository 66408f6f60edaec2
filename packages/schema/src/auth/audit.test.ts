import { readFileSync } from 'node:fs';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOG_MODELS } from '../entities/definitions.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { uploadImport } from '../import/batches.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { ACCESS_FIXTURE, uid, viewerOf } from './test-support/access-fixture.js';
import { type Attempt, derivedCases } from './test-support/derived-cases.js';
import type { AccountViewer, Viewer } from './viewer.js';

/**
 * The audit trail (issue #4): every mutation writes an append-only entry (who, when, operation,
 * entity, before/after) in the same transaction as its change; nothing in the API alters or
 * removes one; `history(id:)` shows a record's entries.
 *
 * The completeness test walks the schema's mutation fields: each needs a case (one successful
 * call, returning the id of the record it wrote) — written below for workflows and for writes a
 * derived input cannot pass, derived from the schema and the database for every other create,
 * update and end — so a new mutation fails this file until it has one, and then until it writes
 * its entries.
 */

let h: Awaited<ReturnType<typeof graphqlHarness>>;
let admin: AccountViewer;
const schema: GraphQLSchema = buildSchema();

beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  admin = await viewerOf(h.prisma, 'admin');
});
afterAll(() => h.close());

type Data = Record<string, unknown>;

const WARD = uid('ward-2025-phuc-loi');
const GROUP_1 = uid('group-phuc-loi-1');
const GROUP_2 = uid('group-phuc-loi-2');

/** Runs mutation `field` with `input`, expects success, and returns the database id of the record it returned. */
async function call(field: string, input: Data, viewer: Viewer = admin): Promise<string> {
  const def = mutationFields()[field];
  const arg = def?.args[0];
  if (!def || !arg) throw new Error(`no mutation ${field}`);
  const success = `Mutation${field.charAt(0).toUpperCase()}${field.slice(1)}Success`;
  const r = await h.exec<Record<string, { __typename: string; data?: { id: string }; violations?: unknown }>>(
    `mutation($input: ${arg.type.toString()}) { ${field}(input: $input) { __typename
      ... on ${success} { data { id } }
      ... on ValidationError { violations { code path message { en } } } } }`,
    { input },
    { viewer },
  );
  expect(r.errors, field).toEqual([]);
  const result = r.data?.[field];
  expect(result?.__typename, `${field}: ${JSON.stringify(result?.violations)}`).toBe(success);
  return decodeGlobalID(result?.data?.id ?? '').id;
}

/** Runs mutation `field` as the administrator; a refusal comes back as `{ ok: false }` (and changes nothing). */
async function attempt(field: string, input: Data): Promise<Attempt> {
  const def = mutationFields()[field];
  const arg = def?.args[0];
  if (!def || !arg) throw new Error(`no mutation ${field}`);
  const success = `Mutation${field.charAt(0).toUpperCase()}${field.slice(1)}Success`;
  const r = await h.exec<Record<string, { __typename: string; data?: { id: string }; violations?: unknown }>>(
    `mutation($input: ${arg.type.toString()}) { ${field}(input: $input) { __typename
      ... on ${success} { data { id } }
      ... on ValidationError { violations { code path } } } }`,
    { input },
    { viewer: admin },
  );
  const result = r.data?.[field];
  if (result?.__typename === success) return { ok: true, id: decodeGlobalID(result.data?.id ?? '').id };
  return { ok: false, why: JSON.stringify(r.errors.length ? r.errors : result?.violations) };
}

/** The same, as the platform itself (for what a case needs first: its own entries are not the case's). */
const prepare = (field: string, input: Data) => call(field, input, { kind: 'system' });

type Delegate = { findUniqueOrThrow(a: { where: { id: string } }): Promise<{ version: number }> };
async function versionOf(model: string, id: string): Promise<number> {
  return (await (h.prisma as unknown as Record<string, Delegate>)[model]?.findUniqueOrThrow({ where: { id } }))?.version ?? 0;
}

/** What earlier cases created, by name. */
const ids: Record<string, string> = {};
function id(name: string): string {
  const v = ids[name];
  if (v === undefined) throw new Error(`test setup: no id for ${name} (an earlier case failed?)`);
  return v;
}

/** create → ids[name]; update / end → the same record, at its current version. */
const create = (field: string, name: string, input: () => Data) => async () => {
  ids[name] = await call(field, input());
  return id(name);
};
const update = (field: string, model: string, name: string, patch: Data) => async () =>
  call(field, { id: id(name), version: await versionOf(model, id(name)), ...patch });
const end =
  (field: string, model: string, name: string, on = '2090-01-01') =>
  async () =>
    call(field, { id: id(name), version: await versionOf(model, id(name)), on });

const person = (fullName: string, birthYear: number) =>
  prepare('createPerson', { fullName, sex: 'MALE', birthYear, residenceUnitId: GROUP_2 });

/**
 * One case per mutation (login and logout write sessions and login attempts, not records). In
 * order: later cases use what earlier ones created; records are ended last.
 */
const CASES: Record<string, () => Promise<string>> = {
  // A code is unique and has a format: a copy or a made-up one cannot pass.
  createUnitCode: create('createUnitCode', 'unitCode', () => ({
    unitId: uid('ward-2025-hong-ha'),
    code: '00103',
    validFrom: '2025-07-01',
  })),
  updateUnitCode: update('updateUnitCode', 'unitCode', 'unitCode', { code: '00104' }),
  // A unit has one parent at a time: the link needs a unit without one.
  createUnitParent: async () => {
    const orphan = await prepare('createUnit', { kind: 'RESIDENTIAL_GROUP', name: 'Tổ dân phố số 40', validFrom: '2025-07-01' });
    ids.unitParent = await call('createUnitParent', { unitId: orphan, parentId: WARD, validFrom: '2025-07-01' });
    return id('unitParent');
  },
  // The records later tests read back (history, forged ids).
  createPerson: create('createPerson', 'person', () => ({
    fullName: 'Nguyễn Văn Thử',
    sex: 'MALE',
    birthYear: 1980,
    citizenId: '001080123456',
    phone: '0912000111',
    residenceUnitId: GROUP_1,
  })),
  createPartyMembership: create('createPartyMembership', 'partyMembership', () => ({
    personId: id('person'),
    status: 'PROBATIONARY',
    homeCellId: uid('cell-a'),
    admittedOn: '2020-01-01',
    validFrom: '2020-01-01',
  })),
  // A review is of a year the contact was registered in.
  createResidenceContactReview: async () => {
    const member = await person('Trần Văn Công Tác', 1975);
    await prepare('createPartyMembership', { personId: member, status: 'OFFICIAL', homeCellId: uid('cell-work'), validFrom: '2015-01-01' });
    const contact = await prepare('createResidenceContact', {
      personId: member,
      residenceCellId: uid('cell-a'),
      category: 'NORMAL',
      validFrom: '2021-01-01',
    });
    return call('createResidenceContactReview', {
      residenceContactId: contact,
      year: 2022,
      reviewedOn: '2022-12-15',
      comment: 'Gương mẫu nơi cư trú',
    });
  },
  // A term is of a management board, numbered in order, recognised by a committee.
  createBoardTerm: async () => {
    const committee = await prepare('createOrganization', {
      kind: 'PEOPLES_COMMITTEE',
      name: 'UBND phường Phúc Lợi',
      validFrom: '2025-07-01',
      unitIds: [WARD],
    });
    const building = await prepare('createApartmentBuilding', {
      name: 'Chung cư CT1',
      residentialGroupId: GROUP_1,
      apartmentCount: 120,
      blockCount: 1,
      multipleOwners: true,
      handoverStartedOn: '2016-03-01',
      validFrom: '2016-01-01',
    });
    const board = await prepare('createOrganization', {
      kind: 'MANAGEMENT_BOARD',
      name: 'Ban quản trị chung cư CT1',
      buildingId: building,
      validFrom: '2025-08-20',
    });
    return call('createBoardTerm', {
      boardId: board,
      termNumber: 1,
      electedOn: '2025-08-20',
      validFrom: '2025-08-20',
      validTo: '2028-08-20',
      recognition: { filedOn: '2025-08-22', decisionNumber: '123/QĐ-UBND', decidedOn: '2025-08-28', issuerId: committee },
    });
  },
  establishBoard: async () => {
    const building = await prepare('createApartmentBuilding', {
      name: 'Chung cư Rice City',
      residentialGroupId: GROUP_2,
      apartmentCount: 480,
      blockCount: 1,
      multipleOwners: true,
      validFrom: '2019-01-01',
    });
    const members = [await person('Lê Văn Một', 1970), await person('Lê Văn Hai', 1971), await person('Lê Văn Ba', 1972)];
    ids.newcomer = await person('Lê Văn Bốn', 1973);
    ids.establishedBoard = await call('establishBoard', {
      buildingId: building,
      electedOn: '2022-05-20',
      validFrom: '2022-06-01',
      validTo: '2025-06-01',
      members: [
        { personId: members[0], role: 'HEAD' },
        { personId: members[1], role: 'DEPUTY_HEAD' },
        { personId: members[2], role: 'MEMBER' },
      ],
    });
    return id('establishedBoard');
  },
  consolidateBoard: async () =>
    call('consolidateBoard', {
      boardId: id('establishedBoard'),
      version: await versionOf('organization', id('establishedBoard')),
      on: '2023-01-01',
      add: [{ personId: id('newcomer'), role: 'MEMBER' }],
    }),
  recordReorganisation: async () =>
    call('recordReorganisation', {
      kind: 'TRANSFER_PART',
      effectiveOn: '2026-01-01',
      legalBasis: 'Quyết định thử nghiệm 2/QĐ-UBND',
      moveUnits: [{ unitId: uid('group-long-bien-2'), toParentId: WARD }],
    }),
  // One text per directive, place and period: saved, then saved again (the same record, its next version).
  saveReportTasks: async () => {
    const input = { directiveId: uid('directive-05'), scopeId: WARD, to: '2025-12-01', text: 'Rà soát, kiện toàn Ban quản trị.' };
    const first = await call('saveReportTasks', input);
    expect(await call('saveReportTasks', { ...input, text: 'Đôn đốc ký quy chế phối hợp.' })).toBe(first);
    return first;
  },
  // Findings as work: a building with several owners and no board is a finding of the ward; its
  // work is assigned, then resolved and accepted (the same record, its next versions).
  assignFinding: async () => {
    const building = await prepare('createApartmentBuilding', {
      name: 'Chung cư Sen Hồng',
      residentialGroupId: GROUP_2,
      apartmentCount: 300,
      blockCount: 1,
      multipleOwners: true,
      validFrom: '2019-01-01',
    });
    ids.findingKey = `BUILDING_WITHOUT_BOARD|ApartmentBuilding:${building}`;
    ids.findingWork = await call('assignFinding', { wardId: WARD, key: ids.findingKey, assigneeUnitId: WARD, dueOn: '2026-12-31' });
    return id('findingWork');
  },
  resolveFinding: async () =>
    call('resolveFinding', { wardId: WARD, key: id('findingKey'), text: 'Đã hướng dẫn hội nghị nhà chung cư bầu Ban quản trị.' }),
  acceptFinding: async () => call('acceptFinding', { wardId: WARD, key: id('findingKey'), text: 'Nhà chung cư sắp phá dỡ để cải tạo.' }),
  // An account needs a password (never stored where a copy could read it); later tests read its history.
  createAccount: create('createAccount', 'account', () => ({
    username: 'kiem.tra',
    displayName: 'Kiểm tra',
    password: 'mat-khau-kiem-tra',
    role: 'ANALYST',
    validFrom: '2020-01-01',
  })),
  updateAccount: update('updateAccount', 'account', 'account', { displayName: 'Kiểm tra (sửa)' }),
  clearLoginThrottles: update('clearLoginThrottles', 'account', 'account', {}),
  lockAccount: update('lockAccount', 'account', 'account', {}),
  endAccount: end('endAccount', 'account', 'account', '2026-01-01'),
  // A file uploaded (the gateway's POST /imports calls this use-case) and committed through the
  // mutation: each record it writes has its entry, under the mutation's name.
  commitImport: async () => {
    const csv = 'Họ và tên,Giới tính,Năm sinh,Nơi thường trú\nNguyễn Văn Nhập,Nam,1979,"Tổ dân phố số 2 (Phúc Lợi), Phúc Lợi"\n';
    const ctx = await createRequestContext({ prisma: h.prisma, viewer: admin });
    const batch = await uploadImport(ctx, { kind: 'people', fileName: 'nhap.csv', bytes: Buffer.from(csv) });
    const r = await h.exec<{ commitImport: { data?: { committed: boolean; rows: Array<{ recordId: string }> } } }>(
      `mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed rows { recordId } } } } }`,
      { input: { batchId: batch.id } },
      { viewer: admin },
    );
    expect(r.errors).toEqual([]);
    expect(r.data?.commitImport.data?.committed).toBe(true);
    return decodeGlobalID(r.data?.commitImport.data?.rows[0]?.recordId ?? '').id;
  },
};

/**
 * The cases of every other create / update / end, derived from the schema and the database
 * (`test-support/derived-cases.ts`): a new entity's mutations are covered without a line here.
 * They run last (they change records of the fixture that the tests above read).
 */
const DERIVED = derivedCases(schema, () => h.prisma, attempt).filter((c) => !(c.field in CASES));

/** The record tables, as the database's audit triggers name them: table → [entity type, id column]. */
async function auditedTables(): Promise<Map<string, { entityType: string; idColumn: string; versioned: boolean }>> {
  const rows = await h.prisma.$queryRawUnsafe<Array<{ table: string; args: string; versioned: boolean }>>(`
    SELECT c.relname AS table, encode(t.tgargs, 'escape') AS args,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'version' AND NOT a.attisdropped) AS versioned
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE t.tgname = 'coso_audit' AND n.nspname = current_schema()`);
  return new Map(
    rows.map((r) => {
      const [entityType = '', idColumn = ''] = r.args.split('\\000');
      return [r.table, { entityType, idColumn, versioned: r.versioned }];
    }),
  );
}

interface Snapshot {
  /** "EntityType:id:table:content hash", one per row. */
  rows: Set<string>;
  /** Versioned rows: "table:id" → content hash and version. */
  versions: Map<string, { hash: string; version: number }>;
}

/** Every row of every record table the triggers cover. */
async function snapshot(): Promise<Snapshot> {
  const rows = new Set<string>();
  const versions = new Map<string, { hash: string; version: number }>();
  for (const [table, t] of await auditedTables()) {
    const found = await h.prisma.$queryRawUnsafe<Array<{ id: string; hash: string; version: number | null }>>(
      `SELECT "${t.idColumn}"::text AS id, md5(r::text) AS hash, ${t.versioned ? 'version' : 'NULL::int'} AS version FROM "${table}" r`,
    );
    for (const r of found) {
      rows.add(`${t.entityType}:${r.id}:${table}:${r.hash}`);
      if (r.version !== null) versions.set(`${table}:${r.id}`, { hash: r.hash, version: r.version });
    }
  }
  return { rows, versions };
}

/** The "EntityType:id" of every row inserted, changed or removed between two snapshots. */
function changedRows(before: Snapshot, after: Snapshot): Set<string> {
  const entity = (key: string) => key.split(':').slice(0, 2).join(':');
  return new Set([
    ...[...before.rows].filter((k) => !after.rows.has(k)).map(entity),
    ...[...after.rows].filter((k) => !before.rows.has(k)).map(entity),
  ]);
}

/** Mutations that change no record: they open and close sessions (and record login attempts). */
const NOT_AUDITED = new Set(['login', 'logout']);

function mutationFields() {
  const type = schema.getMutationType();
  return type instanceof GraphQLObjectType ? type.getFields() : {};
}

describe('every mutation writes an audit entry', () => {
  it('every mutation field of the schema has a case, here or derived, and every case here a mutation', () => {
    const fields = Object.keys(mutationFields());
    expect(fields.length).toBeGreaterThan(70);
    const derived = new Set(DERIVED.map((c) => c.field));
    expect(fields.filter((f) => !NOT_AUDITED.has(f) && !(f in CASES) && !derived.has(f))).toEqual([]);
    // The derivation reaches the generic mutations of every kind of record (not just a few).
    expect(new Set(DERIVED.map((c) => c.type)).size).toBeGreaterThan(25);
    expect(Object.keys(CASES).filter((c) => !fields.includes(c))).toEqual([]);
  });

  for (const [operation, run] of Object.entries(CASES)) {
    it(`${operation}: an entry with the operation, the actor and the record, before and after`, () => checkCase(operation, run));
  }
});

/** Runs one case and checks its entries against what changed in the database. */
async function checkCase(operation: string, run: () => Promise<string>): Promise<void> {
  const last = (await h.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const started = Date.now();
  const rowsBefore = await snapshot();
  const entityId = await run();
  const rowsAfter = await snapshot();
  const all = await h.prisma.auditEntry.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } });
  // The rows that changed in the database are exactly the rows the trail names, whatever wrote them.
  expect(new Set(all.map((e) => `${e.entityType}:${e.entityId}`))).toEqual(changedRows(rowsBefore, rowsAfter));
  // Every changed row with a version is a new version; an unchanged one keeps its version.
  for (const [key, row] of rowsAfter.versions) {
    const was = rowsBefore.versions.get(key);
    if (was) expect(row.version, key).toBe(was.hash === row.hash ? was.version : was.version + 1);
  }
  const entries = all.filter((e) => e.operation === operation);
  const entry = entries.find((e) => e.entityId === entityId);
  expect(
    entry,
    `${operation} wrote no entry for ${entityId}: ${JSON.stringify(entries.map((e) => [e.entityType, e.entityId]))}`,
  ).toBeDefined();
  expect(entry).toMatchObject({ actor: 'admin', accountId: admin.accountId });
  expect(Math.abs((entry?.at.getTime() ?? 0) - started)).toBeLessThan(60_000);
  expect(entry?.after).not.toBeNull();
  if (operation.startsWith('update')) {
    expect(entry?.before).not.toBeNull();
    expect(entry?.before).not.toEqual(entry?.after);
  }
  if (operation.startsWith('create')) expect(entry?.before).toBeNull();
}

describe('every record table is audited and versioned by the database', () => {
  it('each table of the schema has the audit trigger naming its model, or is a listed log; each versioned one bumps versions', async () => {
    const prismaSchema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
    const models = new Map(
      [...prismaSchema.matchAll(/^model (\w+) \{[\s\S]*?@@map\("(\w+)"\)/gm)].map((m) => [m[2] as string, m[1] as string]),
    );
    const tables = await h.prisma.$queryRawUnsafe<Array<{ table: string; version: boolean }>>(`
      SELECT c.relname AS table,
             EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'coso_version') AS version
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()`);
    const audited = await auditedTables();
    expect(tables.length).toBeGreaterThan(30);
    for (const { table, version } of tables) {
      // Logs, not records users enter (entities/definitions.ts says why for each), and the migration tool's bookkeeping.
      const log = table === '_prisma_migrations' ? 'migrations' : LOG_MODELS[models.get(table) ?? ''];
      if (log !== undefined) {
        expect(audited.has(table), `${table} is a log: ${log}`).toBe(false);
        continue;
      }
      const trigger = audited.get(table);
      expect(trigger, `${table}: a record table without the audit trigger (SELECT coso_audit_table(...) in its migration)`).toBeDefined();
      // The entry names the record as the API does (the model's name; an event's place links, the event).
      const model = models.get(table);
      expect(trigger?.entityType, table).toBe(table === 'reorganisation_units' ? 'ReorganisationEvent' : model);
      expect(version, `${table}: versioned rows need the version trigger`).toBe(trigger?.versioned ?? false);
    }
    // Every model of the Prisma schema is a table here (none forgotten by the catalogue query).
    expect([...models.keys()].filter((t) => !tables.some((r) => r.table === t))).toEqual([]);
  });

  it('rows written outside any mutation (psql, a script) are audited as the platform, and versioned', async () => {
    const unit = await h.prisma.administrativeUnit.findFirstOrThrow({ where: { kind: 'RESIDENTIAL_GROUP' } });
    const last = (await h.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await h.prisma.$executeRawUnsafe(`UPDATE administrative_units SET kind_label = 'Tổ' WHERE id = '${unit.id}'`);
    const after = await h.prisma.administrativeUnit.findUniqueOrThrow({ where: { id: unit.id } });
    expect(after.version).toBe(unit.version + 1);
    const entries = await h.prisma.auditEntry.findMany({ where: { id: { gt: last } } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'system', operation: 'update', entityType: 'AdministrativeUnit', entityId: unit.id });
    expect(entries[0]?.before).toMatchObject({ kindLabel: unit.kindLabel, version: unit.version });
    expect(entries[0]?.after).toMatchObject({ kindLabel: 'Tổ', version: unit.version + 1 });
    expect(entries[0]?.after).not.toHaveProperty('nameSearch');
  });

  it('an account’s entries never hold its password hash', async () => {
    const entries = await h.prisma.auditEntry.findMany({ where: { entityType: 'Account' } });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(JSON.stringify([e.before, e.after])).not.toMatch(/password|scrypt|\$argon/i);
  });
});

describe('the trail is append-only and written with the change', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_entries', async () => {
    const count = await h.prisma.auditEntry.count();
    expect(count).toBeGreaterThan(0);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE audit_entries SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    await expect(h.prisma.auditEntry.updateMany({ data: { actor: 'x' } })).rejects.toThrow();
    await expect(h.prisma.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await h.prisma.auditEntry.count()).toBe(count);
    expect(await h.prisma.auditEntry.count({ where: { actor: { in: ['someone else', 'x'] } } })).toBe(0);
  });

  it('no mutation reaches the AuditEntry type, by its arguments or its result (while queries do)', () => {
    const reachable = (roots: GraphQLNamedType[]) => {
      const seen = new Set<string>();
      const visit = (t: GraphQLNamedType) => {
        if (seen.has(t.name)) return;
        seen.add(t.name);
        if (isObjectType(t) || isInterfaceType(t)) {
          for (const f of Object.values(t.getFields())) {
            visit(getNamedType(f.type));
            for (const a of f.args) visit(getNamedType(a.type));
          }
        }
        if (isUnionType(t)) for (const m of t.getTypes()) visit(m);
        if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
      };
      for (const r of roots) visit(r);
      return seen;
    };
    const fromMutations = Object.values(mutationFields()).flatMap((f) => [
      getNamedType(f.type),
      ...f.args.map((a) => getNamedType(a.type)),
    ]);
    expect(reachable(fromMutations).has('AuditEntry')).toBe(false);
    expect(Object.keys(mutationFields()).filter((name) => /audit/i.test(name))).toEqual([]);
    const query = schema.getQueryType();
    expect(query && reachable([query]).has('AuditEntry')).toBe(true);
  });

  it('a change whose entry cannot be written does not happen (same transaction)', async () => {
    await h.prisma.$executeRawUnsafe(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'test: audit entry refused'; END $$`);
    await h.prisma.$executeRawUnsafe(
      'CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
    );
    try {
      const people = await h.prisma.person.count();
      const r = await h.exec(
        'mutation { createPerson(input: { fullName: "Không Được Ghi", sex: MALE, birthYear: 1990 }) { __typename } }',
        {},
        { viewer: admin },
      );
      expect(r.errors.map((e) => e.path)).toEqual(['createPerson']);
      expect(await h.prisma.person.count()).toBe(people);
      expect(await h.prisma.person.count({ where: { fullName: 'Không Được Ghi' } })).toBe(0);
    } finally {
      await h.prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_audit ON audit_entries');
      await h.prisma.$executeRawUnsafe('DROP FUNCTION test_refuse_audit()');
    }
  });

  it('a refused write leaves no entry', async () => {
    const before = await h.prisma.auditEntry.count();
    const r = await h.run<{ createPerson: { __typename: string } }>(
      'mutation { createPerson(input: { fullName: "", sex: MALE, birthYear: 1990 }) { __typename } }',
      {},
      { viewer: admin },
    );
    expect(r.createPerson.__typename).toBe('ValidationError');
    const forbidden = await h.exec(
      'mutation($g: ID!) { createApartmentBuilding(input: { name: "X", residentialGroupId: $g, apartmentCount: 1, blockCount: 1, multipleOwners: false, validFrom: "2024-01-01" }) { __typename } }',
      { g: uid('group-long-bien-1') },
      { viewer: await viewerOf(h.prisma, 'phuong.phucloi') },
    );
    expect(forbidden.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await h.prisma.auditEntry.count()).toBe(before);
  });
});

describe('history(id:)', () => {
  type Entry = { operation: string; actor: string; entityType: string; before: Data | null; after: Data | null; at: string };
  const HISTORY = 'query($id: ID!) { history(id: $id) { operation actor entityType before after at } }';

  it('returns a record’s entries oldest first, with who, what, before and after', async () => {
    const ward = await viewerOf(h.prisma, 'phuong.phucloi');
    const created = await call(
      'createApartmentBuilding',
      {
        name: 'Chung cư Lịch Sử',
        residentialGroupId: GROUP_1,
        apartmentCount: 50,
        blockCount: 1,
        multipleOwners: true,
        validFrom: '2020-01-01',
      },
      ward,
    );
    await call('updateApartmentBuilding', { id: created, version: 1, apartmentCount: 52 }, ward);
    await call('updateApartmentBuilding', { id: created, version: 2, name: 'Chung cư Lịch Sử A' }, admin);
    const r = await h.run<{ history: Entry[] }>(HISTORY, { id: encodeGlobalID('ApartmentBuilding', created) }, { viewer: ward });
    expect(r.history.map((e) => [e.operation, e.actor, e.entityType])).toEqual([
      ['createApartmentBuilding', 'phuong.phucloi', 'ApartmentBuilding'],
      ['updateApartmentBuilding', 'phuong.phucloi', 'ApartmentBuilding'],
      ['updateApartmentBuilding', 'admin', 'ApartmentBuilding'],
    ]);
    expect(r.history[0]?.before).toBeNull();
    expect(r.history[0]?.after).toMatchObject({ name: 'Chung cư Lịch Sử', apartmentCount: 50 });
    expect(r.history[1]?.before).toMatchObject({ apartmentCount: 50 });
    expect(r.history[1]?.after).toMatchObject({ apartmentCount: 52 });
    expect(r.history[2]?.after).toMatchObject({ name: 'Chung cư Lịch Sử A', apartmentCount: 52 });
    const times = r.history.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Analysts and viewers may read the building, so its history too.
    expect(
      (
        await h.run<{ history: Entry[] }>(
          HISTORY,
          { id: encodeGlobalID('ApartmentBuilding', created) },
          { viewer: await viewerOf(h.prisma, 'xem') },
        )
      ).history,
    ).toHaveLength(3);
  });

  it('shows what a consolidation did to the board, and what a reorganisation did to a unit', async () => {
    const board = await h.run<{ history: Entry[] }>(
      HISTORY,
      { id: encodeGlobalID('Organization', id('establishedBoard')) },
      { viewer: admin },
    );
    expect(board.history.map((e) => e.operation)).toEqual(['establishBoard', 'consolidateBoard']);
    // The reorganisation's entries name records by type, as every other mutation's do.
    const moved = await h.prisma.auditEntry.findMany({ where: { operation: 'recordReorganisation' } });
    expect(new Set(moved.map((e) => e.entityType))).toEqual(new Set(['UnitParent', 'ReorganisationEvent']));
    const link = moved.find((e) => e.entityType === 'UnitParent' && (e.after as Data | null)?.parentId === WARD);
    const linkHistory = await h.run<{ history: Entry[] }>(
      HISTORY,
      { id: encodeGlobalID('UnitParent', link?.entityId ?? '') },
      { viewer: admin },
    );
    expect(linkHistory.history.map((e) => e.operation)).toEqual(['recordReorganisation']);
    const event = await h.prisma.reorganisationEvent.findFirstOrThrow({ where: { legalBasis: 'Quyết định thử nghiệm 2/QĐ-UBND' } });
    const reorg = await h.run<{ history: Entry[] }>(HISTORY, { id: encodeGlobalID('ReorganisationEvent', event.id) }, { viewer: admin });
    // The event, then its links to the places it names (each link is part of the event's history).
    const links = await h.prisma.reorganisationUnit.findMany({ where: { eventId: event.id } });
    expect(links.length).toBeGreaterThan(0);
    expect(reorg.history.map((e) => [e.operation, e.entityType])).toEqual(
      Array.from({ length: links.length + 1 }, () => ['recordReorganisation', 'ReorganisationEvent']),
    );
    expect(reorg.history[0]?.after).toMatchObject({ legalBasis: 'Quyết định thử nghiệm 2/QĐ-UBND' });
    expect(new Set(reorg.history.slice(1).map((e) => `${e.after?.unitId}:${e.after?.role}`))).toEqual(
      new Set(links.map((l) => `${l.unitId}:${l.role}`)),
    );
  });

  it('is FORBIDDEN for a record outside the viewer’s territory, and for an account unless administrator', async () => {
    const other = await h.exec(
      HISTORY,
      { id: encodeGlobalID('Person', id('person')) },
      { viewer: await viewerOf(h.prisma, 'phuong.longbien') },
    );
    expect(other.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@history']);
    expect(other.data).toBeNull();
    const own = await h.exec(
      HISTORY,
      { id: encodeGlobalID('Person', id('person')) },
      { viewer: await viewerOf(h.prisma, 'phuong.phucloi') },
    );
    expect(own.errors).toEqual([]);
    const account = encodeGlobalID('Account', id('account'));
    const analyst = await h.exec(HISTORY, { id: account }, { viewer: await viewerOf(h.prisma, 'phantich') });
    expect(analyst.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@history']);
    const byAdmin = await h.run<{ history: Entry[] }>(HISTORY, { id: account }, { viewer: admin });
    expect(byAdmin.history.map((e) => e.operation)).toEqual([
      'createAccount',
      'updateAccount',
      'clearLoginThrottles',
      'lockAccount',
      'endAccount',
    ]);
    // A plain UUID names no type: refused, not guessed.
    const plain = await h.exec(HISTORY, { id: id('person') }, { viewer: admin });
    expect(plain.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('a readable type wrapped around another record’s id finds nothing', async () => {
    // Directives are public: a viewer could wrap a party membership's id in a Directive global id.
    const forged = encodeGlobalID('Directive', id('partyMembership'));
    const r = await h.exec<{ history: Entry[] }>(HISTORY, { id: forged }, { viewer: await viewerOf(h.prisma, 'xem') });
    expect(r).toEqual({ data: { history: [] }, errors: [] });
    const real = await h.exec(
      HISTORY,
      { id: encodeGlobalID('PartyMembership', id('partyMembership')) },
      { viewer: await viewerOf(h.prisma, 'xem') },
    );
    expect(real.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('the whole trail (auditEntries) is for administrators', async () => {
    const r = await h.exec(
      '{ auditEntries(first: 5) { totalCount nodes { operation } } }',
      {},
      { viewer: await viewerOf(h.prisma, 'phantich') },
    );
    expect(r.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['FORBIDDEN@auditEntries']);
    const ok = await h.run<{ auditEntries: { totalCount: number } }>(
      '{ auditEntries(actor: "admin") { totalCount } }',
      {},
      { viewer: admin },
    );
    expect(ok.auditEntries.totalCount).toBeGreaterThanOrEqual(Object.keys(CASES).length);
  });
});

describe('every create, update and end without a case above writes its entries (derived cases)', () => {
  for (const c of DERIVED) {
    it(`${c.field}: an entry with the operation, the actor and the record, before and after`, () => checkCase(c.field, c.run));
  }
});
