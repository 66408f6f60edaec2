import {
  type AdministrativeUnit,
  assembleReport,
  type Counted,
  type DirectiveReport,
  type DirectiveReportQuery,
  type Directive as DomainDirective,
  FIGURE_KEYS,
  type FigureData,
  type FigureKey,
  failResult,
  isIsoDate,
  isUuid,
  okResult,
  type Result,
  reportQueryViolations,
  reportWindow,
  type ScopeOnDate,
} from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { fromRow } from '../store/state-tables.js';
import { throwIfAborted } from './abort.js';
import {
  alive,
  asDate,
  asUuid,
  boardCandidatesCte,
  boardGroup,
  boardPeopleCte,
  type Params,
  placeBoard,
  placementCtes,
  placeOrganization,
  placeUnit,
  type Sql,
} from './sql-places.js';
import { compareScopeUnits, readScope, type ScopeRow } from './sql-scope.js';

/**
 * The directive report computed by the database: each figure's counted records (and the ward
 * each counts in) come from set-based statements over the scope's rows as of the period, and
 * the domain's `assembleReport` makes the figures from them (distinct records, Vietnamese order,
 * per-ward buckets). The domain's figure functions (`packages/domain/src/report/*`) are the
 * definition; `sql-report.test.ts` holds these statements to them on generated states.
 * Memory follows the answer (the records the figures list), not the size of the database.
 */

const sql = Prisma.sql;

export interface Window extends Params {
  from: string;
  beforeFrom: string;
  directive: string;
  /** Ward-level scopes leave district and city records out of the conference figures. */
  wardLevel: boolean;
}

/** One counted record: the figure, numerator or denominator, the record, and its ward (null: none). */
interface CountedRow {
  figure: FigureKey;
  den: boolean;
  type: string;
  id: string;
  name: string;
  ward_id: string | null;
}

const d = asDate;

/** Where a person lies: their residence group, as on `to` (`placePerson`). */
const personName = (id: Sql): Sql => sql`COALESCE((SELECT pe.full_name FROM people pe WHERE pe.id = ${id}), ${id}::text)`;

/** Conference records count when inside the scope, or (above it, or with no place) in a report above the ward level. */
const conferenceCounts = (w: Window, kind: Sql): Sql =>
  sql`(${kind} = 'in' OR (${kind} IN ('above', 'unknown') AND NOT ${w.wardLevel}::boolean))`;

const wardIdOf = (as: string): Sql => sql`CASE WHEN ${Prisma.raw(as)}.kind = 'in' THEN ${Prisma.raw(as)}.ward_id::text END`;

/** Residential groups of the scope on `to`, with their ward; apartment groups (a building standing on `to`). */
function groupsCte(w: Window): Sql {
  const to = d(w.to);
  return sql`groups AS (
      SELECT g.id, g.name, pt.ward_id,
             EXISTS (SELECT 1 FROM apartment_buildings b WHERE b.residential_group_id = g.id AND ${alive('b', to)}) AS apartments
        FROM placed_to pt JOIN administrative_units g ON g.id = pt.unit_id AND g.kind = 'RESIDENTIAL_GROUP'
       WHERE pt.kind = 'in'),
    cells AS (
      SELECT g.id AS group_id, o.id, o.name FROM groups g
        JOIN organization_areas a ON a.unit_id = g.id AND ${alive('a', to)}
        JOIN organizations o ON o.id = a.organization_id AND o.kind = 'PARTY_CELL' AND ${alive('o', to)}
       WHERE g.apartments)`;
}

/**
 * Boards alive on `to` lying in the scope (by their group on `to`), with their ward, and their
 * members on `to`. A board's group is its building's, one of its complex's buildings', or one of
 * the places it serves: boards reaching the scope by one of those are the candidates.
 */
function boardsCte(w: Window): Sql {
  const to = d(w.to);
  return sql`${boardCandidatesCte(w)},
    boards AS (
      SELECT o.id, pt.ward_id FROM board_candidates o JOIN placed_to pt ON pt.unit_id = ${boardGroup('o', to)} AND pt.kind = 'in'),
    board_seats AS (
      SELECT DISTINCT b.id AS board_id, b.ward_id, m.person_id, m.role = 'HEAD' AS head FROM boards b
        JOIN memberships m ON m.organization_id = b.id AND ${alive('m', to)}),
    ${boardPeopleCte(to)},
    board_members AS (
      SELECT s.*, bp.party, bp.post FROM board_seats s JOIN board_people bp ON bp.person_id = s.person_id)`;
}

/** In the period [from, to] (both included), of this directive or of none recorded. */
const inPeriod = (w: Window, col: Sql): Sql => sql`(${col} BETWEEN ${d(w.from)} AND ${d(w.to)})`;
const forThisDirective = (w: Window, col: Sql): Sql => sql`(${col} IS NULL OR ${col} = ${asUuid(w.directive)})`;

/** A statement giving `CountedRow`s: the CTEs, then the figures' selects (UNION ALL), named once here. */
const counted = (ctes: Sql, selects: Sql): Sql =>
  sql`WITH ${ctes} SELECT * FROM (${selects}) AS counted(figure, den, type, id, name, ward_id)`;

/** The figures over the hierarchy: groups, wards with apartment groups, cells. */
function hierarchyFigures(w: Window, wards: readonly ScopeRow[]): Sql {
  const wardIds = wards.map((x) => x.id);
  return counted(
    sql`${placementCtes(w)}, ${groupsCte(w)}`,
    sql`
    SELECT 'residentialGroups', false, 'AdministrativeUnit', g.id::text, g.name, g.ward_id::text FROM groups g
    UNION ALL
    SELECT 'wardsWithApartmentGroups', den, 'AdministrativeUnit', u.id::text, u.name, u.id::text
      FROM administrative_units u CROSS JOIN (VALUES (false), (true)) v(den)
     WHERE u.id = ANY (${wardIds}::uuid[]) AND (den OR EXISTS (SELECT 1 FROM groups g WHERE g.apartments AND g.ward_id = u.id))
    UNION ALL
    SELECT 'apartmentGroupsWithCell', den, 'AdministrativeUnit', g.id::text, g.name, g.ward_id::text
      FROM groups g CROSS JOIN (VALUES (false), (true)) v(den)
     WHERE g.apartments AND (den OR EXISTS (SELECT 1 FROM cells c WHERE c.group_id = g.id))
    UNION ALL
    SELECT 'apartmentGroupCells', false, 'Organization', c.id::text, c.name, g.ward_id::text FROM cells c JOIN groups g ON g.id = c.group_id`,
  );
}

/** The figures over boards: changes, members and who they are, nominations, trained heads. */
function boardFigures(w: Window): Sql {
  const to = d(w.to);
  const person = (figure: string, test: Sql) =>
    sql`SELECT ${figure}::text, false, 'Person', bm.person_id::text, ${personName(sql`bm.person_id`)}, bm.ward_id::text FROM board_members bm WHERE ${test}`;
  const changes = (figure: string, kind: string) =>
    sql`SELECT ${figure}::text, false, 'Organization', o.id::text, o.name, ${wardIdOf('bp')} FROM board_changes ch
          JOIN organizations o ON o.id = ch.board_id AND o.kind = 'MANAGEMENT_BOARD' ${placeBoard(w, 'o', sql`ch."on"`, 'bp')}
         WHERE ch.kind = ${kind}::"BoardChangeKind" AND ${inPeriod(w, sql`ch."on"`)} AND ${forThisDirective(w, sql`ch.directive_id`)} AND bp.kind = 'in'`;
  const byWardCommittees = (figure: string, categories: string[]) =>
    sql`SELECT ${figure}::text, false, 'Person', n.person_id::text, ${personName(sql`n.person_id`)}, ${wardIdOf('op')} FROM nominations n
          JOIN organizations o ON o.id = n.nominating_organization_id AND o.kind = 'WARD_PARTY_COMMITTEE'
          ${placeOrganization(w, 'o', sql`n.nominated_on`, 'op')}
         WHERE n.category::text = ANY (${categories}::text[]) AND ${inPeriod(w, sql`n.nominated_on`)}
           AND ${forThisDirective(w, sql`n.directive_id`)} AND op.kind = 'in'`;
  return counted(
    sql`${placementCtes(w)}, ${boardsCte(w)}`,
    sql`
    ${changes('boardsEstablished', 'ESTABLISHMENT')}
    UNION ALL ${changes('boardsConsolidated', 'CONSOLIDATION')}
    UNION ALL ${person('politicalSystemPeopleOnBoards', sql`(bm.party OR bm.post)`)}
    UNION ALL ${person('partyMembersOnBoards', sql`bm.party`)}
    UNION ALL ${person('politicalSystemMembersOnBoards', sql`bm.post`)}
    UNION ALL
    SELECT 'residenceContactMembersIntroduced', false, 'Person', n.person_id::text, ${personName(sql`n.person_id`)}, ${wardIdOf('bp')}
      FROM nominations n JOIN organizations o ON o.id = n.board_id AND o.kind = 'MANAGEMENT_BOARD' ${placeBoard(w, 'o', sql`n.nominated_on`, 'bp')}
     WHERE n.category = 'RESIDENCE_CONTACT_MEMBER' AND ${inPeriod(w, sql`n.nominated_on`)} AND ${forThisDirective(w, sql`n.directive_id`)} AND bp.kind = 'in'
    UNION ALL ${byWardCommittees('nominatedPartyMembers', ['PARTY_MEMBER', 'RESIDENCE_CONTACT_MEMBER'])}
    UNION ALL ${byWardCommittees('nominatedPoliticalSystemMembers', ['POLITICAL_SYSTEM_MEMBER'])}
    UNION ALL
    SELECT 'boardHeadsTrainedFireSafety', den, 'Person', bm.person_id::text, ${personName(sql`bm.person_id`)}, bm.ward_id::text
      FROM board_members bm CROSS JOIN (VALUES (false), (true)) v(den)
     WHERE bm.head AND (den OR EXISTS (SELECT 1 FROM training_attendances ta
             JOIN trainings t ON t.id = ta.training_id AND 'FIRE_SAFETY' = ANY (t.topics) AND t.held_on <= ${to}
            WHERE ta.person_id = bm.person_id))`,
  );
}

/** The figures over events: presentations, commendations, petitions. */
function eventFigures(w: Window): Sql {
  // placePerson: by the residence group, as on `to` ('unknown' without one). Joined, not lateral: the placements are hashed once.
  const placePerson = (person: Sql, as: string) =>
    sql`LEFT JOIN people ${Prisma.raw(`${as}_pe`)} ON ${Prisma.raw(`${as}_pe`)}.id = ${person}
        ${placeUnit(w, sql`${Prisma.raw(`${as}_pe`)}.residence_unit_id`, null, `${as}_pl`)}
        CROSS JOIN LATERAL (SELECT CASE WHEN ${Prisma.raw(`${as}_pe`)}.residence_unit_id IS NULL THEN 'unknown' ELSE ${Prisma.raw(`${as}_pl`)}.kind END AS kind,
                                   ${Prisma.raw(`${as}_pl`)}.ward_id) ${Prisma.raw(as)}`;
  const petitions = (figure: string, start: Sql, endBefore: Sql) =>
    sql`SELECT ${figure}::text, false, 'Petition', pt.id::text, pt.subject, ${wardIdOf('pp')} FROM petitions pt
          ${placeUnit(w, sql`pt.residential_group_id`, sql`pt.received_on`, 'pp')}
         WHERE pt.received_on >= ${start} AND pt.received_on < ${endBefore} AND pp.kind = 'in'`;
  return counted(
    placementCtes(w),
    sql`
    SELECT 'presentations', false, 'Presentation', pr.id::text, pr.title, ${wardIdOf('loc')}
      FROM implementation_reviews r JOIN presentations pr ON pr.review_id = r.id
      LEFT JOIN organizations o ON o.id = pr.presenter_organization_id
      ${placeOrganization(w, 'o', sql`r.held_on`, 'op')}
      ${placePerson(sql`pr.presenter_person_id`, 'pp')}
      CROSS JOIN LATERAL (SELECT CASE WHEN o.id IS NOT NULL THEN op.kind WHEN pr.presenter_person_id IS NOT NULL THEN pp.kind ELSE 'unknown' END AS kind,
                                 CASE WHEN o.id IS NOT NULL THEN op.ward_id ELSE pp.ward_id END AS ward_id) loc
     WHERE r.directive_id = ${asUuid(w.directive)} AND ${inPeriod(w, sql`r.held_on`)} AND ${conferenceCounts(w, sql`loc.kind`)}
    UNION ALL
    SELECT CASE WHEN c.kind = 'COLLECTIVE' THEN 'commendedCollectives' ELSE 'commendedIndividuals' END, false,
           CASE WHEN c.kind = 'INDIVIDUAL' THEN 'Person' WHEN o.id IS NOT NULL THEN 'Organization' ELSE 'Commendation' END,
           CASE WHEN c.kind = 'INDIVIDUAL' THEN c.recipient_person_id::text WHEN o.id IS NOT NULL THEN o.id::text ELSE c.id::text END,
           CASE WHEN c.kind = 'INDIVIDUAL' THEN ${personName(sql`c.recipient_person_id`)} WHEN o.id IS NOT NULL THEN o.name ELSE COALESCE(c.decision_number, c.id::text) END,
           ${wardIdOf('loc')}
      FROM commendations c
      LEFT JOIN organizations o ON o.id = c.recipient_organization_id AND c.kind = 'COLLECTIVE'
      ${placeOrganization(w, 'o', sql`c.decided_on`, 'op')}
      ${placePerson(sql`c.recipient_person_id`, 'pp')}
      CROSS JOIN LATERAL (SELECT CASE WHEN c.kind = 'INDIVIDUAL' THEN pp.kind WHEN o.id IS NOT NULL THEN op.kind ELSE 'unknown' END AS kind,
                                 CASE WHEN c.kind = 'INDIVIDUAL' THEN pp.ward_id ELSE op.ward_id END AS ward_id) loc
     WHERE c.directive_id = ${asUuid(w.directive)} AND ${inPeriod(w, sql`c.decided_on`)} AND ${conferenceCounts(w, sql`loc.kind`)}
    UNION ALL ${petitions('petitionsBefore', d(w.beforeFrom), d(w.from))}
    UNION ALL ${petitions('petitionsAfter', d(w.from), sql`${d(w.to)} + 1`)}`,
  );
}

/** The report's statements, one per group of figures. */
export function reportStatements(w: Window, wards: readonly ScopeRow[]): Sql[] {
  return [hierarchyFigures(w, wards), boardFigures(w), eventFigures(w)];
}

/** Figures with a denominator (they have one even when it is empty). */
const DENOMINATOR_FIGURES: ReadonlySet<FigureKey> = new Set([
  'wardsWithApartmentGroups',
  'apartmentGroupsWithCell',
  'boardHeadsTrainedFireSafety',
]);

const WARD_KINDS = new Set(['WARD', 'COMMUNE', 'RESIDENTIAL_GROUP']);

/**
 * The report for a query, or the query's violations (as the domain words them). Stops between
 * statements when `signal` is aborted (the client went away).
 */
export async function sqlDirectiveReport(
  prisma: PrismaClient,
  query: DirectiveReportQuery,
  signal?: AbortSignal,
): Promise<Result<DirectiveReport>> {
  const directiveRow = isUuid(query.directiveId) ? await prisma.directive.findUnique({ where: { id: query.directiveId } }) : null;
  const directive = directiveRow ? (fromRow('directives', directiveRow) as unknown as DomainDirective) : undefined;
  const scopeRows = isIsoDate(query.to) ? await readScope(prisma, query.scopeUnitId, query.to) : [];
  const unit = scopeRows.find((r) => r.role === 'scope');
  const violations = reportQueryViolations(query, directive, unit !== undefined);
  if (violations.length > 0 || !directive || !unit) return failResult(violations);
  throwIfAborted(signal);

  const window = reportWindow(query.from ?? directive.issuedOn, query.to);
  const wards = scopeRows.filter((r) => r.role === 'ward').sort(compareScopeUnits);
  const w: Window = {
    scope: unit.id,
    to: window.to,
    from: window.from,
    beforeFrom: window.beforeFrom,
    directive: directive.id,
    wardLevel: WARD_KINDS.has(unit.kind),
  };
  const data = new Map<FigureKey, FigureData>(
    FIGURE_KEYS.map((k) => [k, DENOMINATOR_FIGURES.has(k) ? { records: [], denominatorRecords: [] } : { records: [] }]),
  );
  for (const statement of reportStatements(w, wards)) {
    throwIfAborted(signal);
    for (const row of await prisma.$queryRaw<CountedRow[]>(statement)) {
      const figure = data.get(row.figure);
      if (!figure) continue;
      const counted: Counted = {
        ref: { type: row.type as Counted['ref']['type'], id: row.id, name: row.name },
        wardIds: row.ward_id ? [row.ward_id] : [],
      };
      if (row.den) figure.denominatorRecords?.push(counted);
      else figure.records.push(counted);
    }
  }
  const scope: ScopeOnDate = {
    unit: unit.unit,
    on: window.to,
    wards: wards.map((r) => r.unit),
    groups: [],
    wardIds: new Set(wards.map((r) => r.id)),
    groupIds: new Set(),
  };
  return okResult(assembleReport(directive, scope, window, (key) => data.get(key) as FigureData));
}

export type { AdministrativeUnit };
