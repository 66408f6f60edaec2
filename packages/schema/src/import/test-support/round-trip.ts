import { type DirectiveReport, FIGURE_KEYS, type Figure, type FigureKey } from '@coso/domain';
import { longBien2022Dataset } from '@coso/sample-data';
import { expect, inject } from 'vitest';
import { createDemoAccounts } from '../../auth/demo-accounts.js';
import { viewerOf } from '../../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../../auth/test-support/sample-fixtures.js';
import { Prisma } from '../../generated/prisma/client.js';
import { createRequestContext } from '../../graphql/request-context.js';
import { buildSchema } from '../../graphql/schema.js';
import { storedDirectiveReport } from '../../report/compute.js';
import { stableUuid } from '../../store/stable-id.js';
import { writeState } from '../../store/state-tables.js';
import { graphqlHarness } from '../../testing/graphql-harness.js';
import { importFile } from '../batches.js';
import { type ExportOptions, exportKind, nothingWithheld, tableToXlsx } from '../export.js';
import { importKind } from '../kinds.js';

/**
 * #14, done-when 2, shared by the round-trip files (each runs its group of figures, in parallel):
 * the Long Biên sample exported to the import templates as of the review conference (1/12/2022)
 * and imported, kind by kind, into an empty database gives the same report — value, denominator,
 * records and every ward of each figure. The two files' figures are every figure (`PLACE_FIGURES`
 * and the rest).
 *
 * Each file is then imported again (a dry run): every row UNCHANGED — the file imports back unchanged.
 *
 * The empty database starts as a real installation does: the administrative units (Hà Nội, Long
 * Biên, its wards, with their codes and parents — the official list, the sample's own rows) and
 * the demo accounts; everything users enter comes from the files, through the importer as the
 * administrator. The expected figures are the original database's report, never this code's.
 *
 * What a file exports is what its figures reach, so the round trip stays exact at a fraction of the
 * rows: the people the report's records reach (not the district's 2,508), and the bodies its records
 * name (not all 769), with the bodies above them.
 */
export const AS_OF = '2022-12-01';
const SOURCE = 'so-lieu-mau-long-bien';
const schema = buildSchema();

/** The figures over the hierarchy and petitions (`round-trip-places.test.ts`); the others are `round-trip-boards.test.ts`'s. */
export const PLACE_FIGURES: readonly FigureKey[] = [
  'residentialGroups',
  'wardsWithApartmentGroups',
  'apartmentGroupsWithCell',
  'apartmentGroupCells',
  'petitionsBefore',
  'petitionsAfter',
];
export const BOARD_AND_EVENT_FIGURES: readonly FigureKey[] = FIGURE_KEYS.filter((k) => !PLACE_FIGURES.includes(k));

type Db = Awaited<ReturnType<typeof graphqlHarness>>;

/** What a round trip's files reach in the original, by SQL: people and bodies. */
export interface Reach {
  people: string[];
  bodies: string[];
}

/** A kind's file: its name and what of it is exported (every record valid on the date unless told). */
export interface KindFile {
  name: string;
  options?: (reach: Reach) => ExportOptions;
}

/** The people the report's records reach: board members on the date, nominees, commended people, presenters. */
export const PEOPLE_REACHED = Prisma.sql`
  SELECT m.person_id AS id FROM memberships m JOIN organizations o ON o.id = m.organization_id AND o.kind = 'MANAGEMENT_BOARD'
   WHERE m.valid_from <= ${AS_OF}::date AND (m.valid_to IS NULL OR m.valid_to > ${AS_OF}::date)
  UNION SELECT person_id FROM nominations
  UNION SELECT recipient_person_id FROM commendations WHERE recipient_person_id IS NOT NULL
  UNION SELECT presenter_person_id FROM presentations WHERE presenter_person_id IS NOT NULL`;

/** The bodies `seed` names (a statement of `id`s, given the people as `$people`) and every body above them on the date. */
async function bodiesReached(db: Db, seed: Prisma.Sql): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE seed AS (${seed}),
    reached(id) AS (
      SELECT id FROM seed WHERE id IS NOT NULL
      UNION
      SELECT p.parent_id FROM organization_parents p JOIN reached r ON r.id = p.organization_id
       WHERE p.valid_from <= ${AS_OF}::date AND (p.valid_to IS NULL OR p.valid_to > ${AS_OF}::date))
    SELECT id::text FROM reached`;
  return rows.map((r) => r.id);
}

export interface RoundTrip {
  original: Db;
  empty: Db;
  reach: Reach;
  /** Rows imported and milliseconds taken (export and import), by kind. */
  imported: Record<string, number>;
  took: Record<string, number>;
  close(): Promise<void>;
}

/**
 * The two databases, the reach (`people`: a statement of person ids, or none; `bodies`: a statement
 * of body ids given those people), and every file exported from the original and imported, in order.
 */
export async function roundTrip(
  files: readonly KindFile[],
  reachOf: { people?: Prisma.Sql; bodies: (people: string[]) => Prisma.Sql },
): Promise<RoundTrip> {
  const original = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  const empty = await graphqlHarness(inject('databaseAdminUrl'));
  const close = async () => {
    await original.close();
    await empty.close();
  };
  const sample = longBien2022Dataset();
  const places = new Set(sample.units.filter((u) => u.kind !== 'RESIDENTIAL_GROUP').map((u) => u.id));
  const skeleton = Object.fromEntries(Object.keys(sample).map((t) => [t, []])) as unknown as typeof sample;
  skeleton.units = sample.units.filter((u) => places.has(u.id));
  skeleton.unitCodes = sample.unitCodes.filter((c) => places.has(c.unitId));
  skeleton.unitParents = sample.unitParents.filter((p) => places.has(p.unitId));
  await writeState(empty.prisma, skeleton);
  await createDemoAccounts(empty.prisma);

  const people = reachOf.people ? (await original.prisma.$queryRaw<Array<{ id: string }>>(reachOf.people)).map((r) => r.id) : [];
  const reach: Reach = { people, bodies: await bodiesReached(original, reachOf.bodies(people)) };
  const admin = await createRequestContext({ prisma: empty.prisma, viewer: await viewerOf(empty.prisma, 'admin'), today: '2026-12-03' });
  // The exporter sees everything (the administrator): nothing of the files is withheld.
  const exporter = await createRequestContext({
    prisma: original.prisma,
    viewer: await viewerOf(original.prisma, 'admin'),
    today: '2026-12-03',
  });
  const imported: Record<string, number> = {};
  const took: Record<string, number> = {};
  const written: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const file of files) {
    const kind = importKind(file.name);
    if (!kind) throw new Error(`no kind ${file.name}`);
    const started = performance.now();
    const { table, withheld } = await exportKind(exporter, kind, AS_OF, file.options?.(reach));
    expect(nothingWithheld(withheld), file.name).toBe(true);
    const bytes = await tableToXlsx(table, kind.label.vi);
    const outcome = await importFile(admin, schema, {
      kind: file.name,
      fileName: `${file.name}.xlsx`,
      bytes,
      source: SOURCE,
      dryRun: false,
    });
    expect(outcome.errors.slice(0, 5), file.name).toEqual([]);
    expect(outcome.committed, file.name).toBe(true);
    imported[file.name] = outcome.rows.length;
    took[file.name] = Math.round(performance.now() - started);
    written.push({ name: file.name, bytes });
  }
  // Imported back (a dry run of each file again, into the copy its rows now live in): nothing changes.
  for (const { name, bytes } of written) {
    const again = await importFile(admin, schema, { kind: name, fileName: `${name}.xlsx`, bytes, source: SOURCE, dryRun: true });
    expect(again.errors.slice(0, 5), `${name} imported back`).toEqual([]);
    expect(new Set(again.rows.map((r) => r.action)), `${name} imported back`).toEqual(new Set(again.rows.length ? ['UNCHANGED'] : []));
  }
  return { original, empty, reach, imported, took, close };
}

/** A figure as the report shows it, with records by name (ids differ between the two databases; wards are the same rows). */
function shown(f: Figure) {
  return {
    key: f.key,
    value: f.value,
    denominator: f.denominator,
    records: f.records.map((r) => `${r.type}:${r.name}`),
    byWard: f.byWard.map((w) => ({ ward: w.wardName, value: w.value, denominator: w.denominator, records: w.records.map((r) => r.name) })),
  };
}

async function report(prisma: Db['prisma'], directiveId: string): Promise<DirectiveReport> {
  const r = await storedDirectiveReport(prisma, { directiveId, scopeUnitId: stableUuid('long-bien-district'), to: AS_OF });
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
}

/** The district's directive's report in both databases: the wards, and each figure of `keys` (counted in the sample) equal. */
export async function expectSameFigures(trip: RoundTrip, keys: readonly FigureKey[]): Promise<void> {
  const [directive] = await trip.original.prisma.directive.findMany({ select: { id: true } });
  if (!directive) throw new Error('the sample has no directive');
  const copy = await trip.empty.prisma.importSourceKey.findUniqueOrThrow({
    where: { source_entityType_key: { source: SOURCE, entityType: 'Directive', key: directive.id } },
  });
  const before = await report(trip.original.prisma, directive.id);
  const after = await report(trip.empty.prisma, copy.recordId);
  expect(after.wards).toEqual(before.wards);
  for (const key of keys) {
    const was = before.figures.find((f) => f.key === key);
    const is = after.figures.find((f) => f.key === key);
    if (!was || !is) throw new Error(`figure ${key} missing`);
    expect(was.value, `${key} is counted in the sample`).toBeGreaterThan(0);
    expect(shown(is), key).toEqual(shown(was));
  }
}
