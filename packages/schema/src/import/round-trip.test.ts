import { type DirectiveReport, FIGURE_KEYS, type Figure } from '@coso/domain';
import { longBien2022Dataset } from '@coso/sample-data';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDemoAccounts } from '../auth/demo-accounts.js';
import { viewerOf } from '../auth/test-support/access-fixture.js';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { Prisma } from '../generated/prisma/client.js';
import { createRequestContext } from '../graphql/request-context.js';
import { buildSchema } from '../graphql/schema.js';
import { storedDirectiveReport } from '../report/compute.js';
import { activeOnWhere } from '../store/db-dates.js';
import { stableUuid } from '../store/stable-id.js';
import { writeState } from '../store/state-tables.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { importFile } from './batches.js';
import { type ExportOptions, exportKind, tableToXlsx } from './export.js';
import { importKind } from './kinds.js';

/**
 * #14, done-when 2: the Long Biên sample exported to the import templates as of the review
 * conference (1/12/2022) and imported, kind by kind, into an empty database gives the same report:
 * all 18 figures, value, denominator, records and every ward.
 *
 * The empty database starts as a real installation does: the administrative units (Hà Nội, Long
 * Biên, its wards, with their codes and parents — the official list, the sample's own rows) and
 * the demo accounts; everything users enter comes from the files, through the importer as the
 * administrator. The expected figures are the original database's report, not this code's.
 *
 * What is exported: every record of the hierarchy's, boards' and events' kinds valid on the date;
 * of the people (2,508 in the sample) only those the report's records reach — the members of the
 * boards standing on the date, the nominees, the commended people and presenters — with the
 * history of their posts and party memberships (every row begun by the date, ended ones too) and
 * their training attendances. Who else lives in the district counts in no figure: the figures
 * stay exact (the assertion below), at about 900 rows instead of 6,000.
 */
const schema = buildSchema();
const AS_OF = '2022-12-01';
const SOURCE = 'so-lieu-mau-long-bien';

/** The people the report's records reach, in the original (by SQL, as of the date). */
const PEOPLE_REACHED = Prisma.sql`
  SELECT m.person_id FROM memberships m JOIN organizations o ON o.id = m.organization_id AND o.kind = 'MANAGEMENT_BOARD'
   WHERE m.valid_from <= ${AS_OF}::date AND (m.valid_to IS NULL OR m.valid_to > ${AS_OF}::date)
  UNION SELECT person_id FROM nominations
  UNION SELECT recipient_person_id FROM commendations WHERE recipient_person_id IS NOT NULL
  UNION SELECT presenter_person_id FROM presentations WHERE presenter_person_id IS NOT NULL`;

/** A kind's file: its name and what of it is exported (all records valid on the date unless told). */
interface KindFile {
  name: string;
  options?: (people: string[]) => ExportOptions;
}
const ofPeople = (people: string[]): ExportOptions => ({ where: { personId: { in: people } }, history: true });

/** The kinds' files in the templates' order (each file names records of those before it). */
const FILES: readonly KindFile[] = [
  { name: 'residential-groups' },
  { name: 'complexes' },
  { name: 'buildings' },
  { name: 'organizations' },
  { name: 'party-cells' },
  { name: 'directives' },
  { name: 'board-changes' },
  { name: 'petitions' },
  { name: 'people', options: (people) => ({ where: { id: { in: people } } }) },
  { name: 'memberships', options: ofPeople },
  { name: 'party-memberships', options: ofPeople },
  { name: 'reviews' },
  { name: 'presentations' },
  { name: 'commendations' },
  { name: 'nominations' },
  { name: 'trainings' },
  { name: 'training-attendances', options: (people) => ({ where: { personId: { in: people } } }) },
];

let original: Awaited<ReturnType<typeof graphqlHarness>>;
let empty: Awaited<ReturnType<typeof graphqlHarness>>;

beforeAll(async () => {
  original = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
  empty = await graphqlHarness(inject('databaseAdminUrl'));
  const sample = longBien2022Dataset();
  const places = new Set(sample.units.filter((u) => u.kind !== 'RESIDENTIAL_GROUP').map((u) => u.id));
  const skeleton = Object.fromEntries(Object.keys(sample).map((t) => [t, []])) as unknown as typeof sample;
  skeleton.units = sample.units.filter((u) => places.has(u.id));
  skeleton.unitCodes = sample.unitCodes.filter((c) => places.has(c.unitId));
  skeleton.unitParents = sample.unitParents.filter((p) => places.has(p.unitId));
  await writeState(empty.prisma, skeleton);
  await createDemoAccounts(empty.prisma);
}, 300_000);
afterAll(async () => {
  await original?.close();
  await empty?.close();
});

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

async function report(prisma: typeof original.prisma, directiveId: string): Promise<DirectiveReport> {
  const r = await storedDirectiveReport(prisma, { directiveId, scopeUnitId: stableUuid('long-bien-district'), to: AS_OF });
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
}

describe('the Long Biên sample exported to the templates and imported into an empty database (#14)', () => {
  it('gives the same 18 figures, ward by ward', async () => {
    const admin = await createRequestContext({ prisma: empty.prisma, viewer: await viewerOf(empty.prisma, 'admin'), today: '2026-12-03' });
    const people = (await original.prisma.$queryRaw<Array<{ person_id: string }>>(PEOPLE_REACHED)).map((r) => r.person_id);
    const imported: Record<string, number> = {};
    const took: Record<string, number> = {};
    for (const file of FILES) {
      const kind = importKind(file.name);
      if (!kind) throw new Error(`no kind ${file.name}`);
      const started = performance.now();
      const table = await exportKind(original.prisma as never, kind, AS_OF, file.options?.(people));
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
    }
    console.info('round trip: rows and ms by kind', JSON.stringify({ imported, took }));
    // Every group, the district's only directive and every person reached came over (counted in the original, by SQL).
    expect(imported['residential-groups']).toBe(
      await original.prisma.administrativeUnit.count({ where: { kind: 'RESIDENTIAL_GROUP', ...activeOnWhere(AS_OF) } }),
    );
    expect(imported.people).toBe(people.length);
    const [directive] = await original.prisma.directive.findMany({ select: { id: true } });
    if (!directive) throw new Error('the sample has no directive');
    const copy = await empty.prisma.importSourceKey.findUniqueOrThrow({
      where: { source_entityType_key: { source: SOURCE, entityType: 'Directive', key: directive.id } },
    });
    const before = await report(original.prisma, directive.id);
    const after = await report(empty.prisma, copy.recordId);
    expect(after.wards).toEqual(before.wards);
    for (const key of FIGURE_KEYS) {
      const was = before.figures.find((f) => f.key === key);
      const is = after.figures.find((f) => f.key === key);
      if (!was || !is) throw new Error(`figure ${key} missing`);
      expect(was.value, `${key} is counted in the sample`).toBeGreaterThan(0);
      expect(shown(is), key).toEqual(shown(was));
    }
  }, 1_800_000);
});
