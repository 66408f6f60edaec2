import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { PUBLIC_TYPES } from '../auth/locator.js';
import { ACCESS_FIXTURE, EXTRA_ACCOUNTS, viewerOf } from '../auth/test-support/access-fixture.js';
import { modelFacts } from '../entities/data-model.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { importFile } from './batches.js';
import { exportKind, tableToXlsx } from './export.js';
import { columnsOfKind, IMPORT_KINDS, specOf } from './kinds.js';

/**
 * #14: a kind exported in its import template as a viewer gives what the API gives that viewer —
 * for every kind and every account of the access fixture (ward staff with and without party
 * rights, district staff, an analyst, a viewer, the administrator). The oracle is the API itself,
 * asked record by record (`nodes(ids:)` as that viewer), never the export's code:
 * - the file's rows are exactly the records of the kind the API lets the viewer read (a row whose
 *   required reference the viewer may not read is left out, and counted);
 * - no id of a record the API hides from the viewer appears anywhere in the file;
 * - a viewer who sees personal data masked finds no stored citizen ID or phone in any file, and such
 *   a file is refused whole by the import (IMPORT_WITHHELD_FILE), writing nothing.
 */
const TODAY = '2026-11-25';
const AS_OF = '2025-12-01';
const schema = buildSchema();
const USERS = [...DEMO_ACCOUNTS.map((a) => a.username), ...EXTRA_ACCOUNTS.map((a) => a.username)];

let h: Awaited<ReturnType<typeof graphqlHarness>>;
/** Every record of the types the kinds write or name: typename → ids. */
const records = new Map<string, string[]>();
beforeAll(async () => {
  h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: ACCESS_FIXTURE });
  const types = new Set<string>();
  for (const kind of IMPORT_KINDS) {
    types.add(specOf(kind).typename);
    for (const c of columnsOfKind(kind)) if (c.type.kind === 'reference') types.add(c.type.typename);
  }
  for (const type of types) {
    const delegate = (h.prisma as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: string }>> }>)[
      modelFacts(type).delegate
    ];
    if (!delegate) throw new Error(`no delegate for ${type}`);
    records.set(
      type,
      (await delegate.findMany({ select: { id: true } })).map((r) => r.id),
    );
  }
}, 120_000);
afterAll(() => h?.close());

/** The ids of `type` the API answers for the viewer (`nodes` gives null for one it hides). */
async function readableByApi(username: string, type: string, ids: readonly string[]): Promise<Set<string>> {
  const viewer = await viewerOf(h.prisma, username);
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 200) {
    const slice = ids.slice(i, i + 200);
    const { data } = await h.exec<{ nodes: Array<{ id: string } | null> }>(
      'query R($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: slice.map((id) => encodeGlobalID(type, id)) },
      { viewer, today: TODAY },
    );
    for (const [j, node] of (data?.nodes ?? []).entries()) if (node) out.add(slice[j] as string);
  }
  return out;
}

const cellsOf = (table: readonly (readonly unknown[])[]) => table.flatMap((row) => row.map((c) => (c === null ? '' : String(c))));

describe('a kind exported in its template as a viewer gives what the API gives that viewer (#14)', () => {
  it.each(USERS)(
    '%s: rows, references and personal details as the API answers them',
    async (username) => {
      const viewer = await viewerOf(h.prisma, username);
      const ctx = await createRequestContext({ prisma: h.prisma, viewer, today: TODAY });
      const hidden = new Set<string>();
      for (const [type, ids] of records) {
        const readable = await readableByApi(username, type, ids);
        for (const id of ids) if (!readable.has(id)) hidden.add(id);
      }
      const people = await h.prisma.person.findMany({ select: { citizenId: true, phone: true } });
      const personal = people.flatMap((p) => [p.citizenId, p.phone]).filter((v): v is string => v !== null);
      let withheldFiles = 0;
      for (const kind of IMPORT_KINDS) {
        const { table, rows, withheld } = await exportKind(ctx, kind, AS_OF);
        const cells = cellsOf(table);
        // Rows: the kind's records on the date (as an administrator's export finds them) that the API lets this viewer read.
        const everything = await exportKind(
          await createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'admin'), today: TODAY }),
          kind,
          AS_OF,
        );
        const all = everything.table.slice(everything.table.length - everything.rows).map((r) => String(r[0]));
        const readable = await readableByApi(username, specOf(kind).typename, all);
        const keys = table.slice(table.length - rows).map((r) => String(r[0]));
        expect(
          keys.every((k) => readable.has(k)),
          `${kind.name}: a row the API does not give`,
        ).toBe(true);
        // A public document (a directive) is read by anyone by its id, but listed only where the viewer works: its rows are a part.
        if (!PUBLIC_TYPES.has(specOf(kind).typename))
          expect(keys.length + withheld.rowsLeftOut, `${kind.name}: rows the API gives`).toBe(readable.size);
        // Nothing the API hides, by its id.
        const leaked = cells.filter((c) => c.split('; ').some((part) => hidden.has(part)));
        expect(leaked, `${kind.name}: ids of hidden records`).toEqual([]);
        if (!ctx.access.seesPersonal) {
          expect(
            cells.filter((c) => personal.some((p) => c.includes(p))),
            `${kind.name}: unmasked personal data`,
          ).toEqual([]);
        }
        if (withheld.maskedPeople + withheld.hiddenReferences + withheld.rowsLeftOut === 0) continue;
        withheldFiles += 1;
        // Imported back, even by an administrator: refused as a whole, nothing written.
        const admin = await createRequestContext({ prisma: h.prisma, viewer: await viewerOf(h.prisma, 'admin'), today: TODAY });
        const outcome = await importFile(admin, schema, {
          kind: kind.name,
          fileName: `${kind.name}.xlsx`,
          bytes: await tableToXlsx(table, kind.label.vi),
          dryRun: false,
        });
        expect(outcome.committed, kind.name).toBe(false);
        expect(
          outcome.errors.map((e) => e.code),
          kind.name,
        ).toEqual(['IMPORT_WITHHELD_FILE']);
        expect(outcome.rows, kind.name).toEqual([]);
      }
      if (!ctx.access.seesPersonal) expect(withheldFiles, 'the people file is masked').toBeGreaterThan(0);
      if (username === 'admin') expect(withheldFiles).toBe(0);
    },
    300_000,
  );
});
