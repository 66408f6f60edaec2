import {
  compareFindings,
  compareTermReminders,
  compareVietnamese,
  daysBetween,
  type EntityRef,
  FINDING_CODES,
  FINDING_MESSAGES,
  type Finding,
  type FindingCode,
  type FindingsQuery,
  failResult as fail,
  findingKey,
  findingsQueryViolations,
  isIsoDate,
  makeFinding,
  numericRuleParameter,
  okResult as ok,
  REMINDER_MESSAGES,
  type Reminder,
  type ReminderCode,
  type RemindersQuery,
  type Result,
  TERM_REMINDER_DAYS,
  UNASSIGNED_WARD_ID,
  UNASSIGNED_WARD_NAME,
  type UnitKind,
  unitDisplayName,
} from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { throwIfAborted } from './abort.js';
import { alive, asDate, boardCandidatesCte, boardGroup, boardPeopleCte, type Params, placementCtes, type Sql } from './sql-places.js';
import { readScope } from './sql-scope.js';

/**
 * The directive's findings computed by the database for the scope asked: one set-based statement
 * finds every gap's records and the facts its message needs (counts, names, dates), over the
 * scope's rows as of the date; the domain words them (`FINDING_MESSAGES`, `makeFinding`) and
 * orders them (`compareFindings`). The domain's checks (`packages/domain/src/findings/*`) are the
 * definition; `sql-findings.test.ts` holds this statement to them on generated states.
 */

const sql = Prisma.sql;

/** One gap as the statement finds it: the record, its group and ward, and the facts to word it. */
interface FindingRow {
  code: FindingCode | 'BOARD_TERM_ENDING_SOON';
  entity_type: EntityRef['type'];
  entity_id: string;
  entity_name: string;
  group_id: string;
  group_name: string;
  group_kind: UnitKind;
  group_kind_label: string | null;
  ward_id: string | null;
  ward_name: string | null;
  /** A count the message names (buildings, apartments, members, term number, official members). */
  n: number;
  /** A date the message names (the end of the last term). */
  on: string | null;
  /** The head's board, or the group's boards: `[{ id, name }]`. */
  boards: Array<{ id: string; name: string }> | null;
  /** A related record (the last term). */
  related_id: string | null;
}

interface Thresholds {
  /** `board.requiredFromApartments` on the date. */
  apartments: number;
}

/** The statement: the scope's groups, buildings, boards and cells on the date, then one select per finding code. */
export function findingsStatement(p: Params, t: Thresholds, codes: ReadonlySet<FindingCode>, reminders = false): Sql {
  const to = asDate(p.to);
  const board = sql`o.kind = 'MANAGEMENT_BOARD' AND ${alive('o', to)}`;
  const row = (
    code: FindingRow['code'],
    entity: Sql,
    from: Sql,
    extra: { n?: Sql; on?: Sql; boards?: Sql; related?: Sql } = {},
  ): Sql => sql`SELECT ${code}::text AS code, ${entity}, g.id::text AS group_id, g.name AS group_name, g.kind::text AS group_kind,
         g.kind_label AS group_kind_label, g.ward_id::text AS ward_id, g.ward_name,
         (${extra.n ?? sql`0`})::int AS n, (${extra.on ?? sql`NULL::date`})::text AS "on",
         ${extra.boards ?? sql`NULL::jsonb`} AS boards, (${extra.related ?? sql`NULL::uuid`})::text AS related_id
    ${from}`;
  const selects: Record<FindingCode, Sql> = {
    GROUP_WITHOUT_CELL: row(
      'GROUP_WITHOUT_CELL',
      sql`'AdministrativeUnit' AS entity_type, g.id::text AS entity_id, g.name AS entity_name`,
      sql`FROM groups g WHERE g.standing > 0 AND NOT EXISTS (SELECT 1 FROM group_cells c WHERE c.group_id = g.id)`,
      { n: sql`g.standing` },
    ),
    BUILDING_WITHOUT_BOARD: row(
      'BUILDING_WITHOUT_BOARD',
      sql`'ApartmentBuilding' AS entity_type, s.id::text AS entity_id, s.name AS entity_name`,
      sql`FROM standing s JOIN groups g ON g.id = s.residential_group_id
         WHERE s.multiple_owners AND s.apartment_count >= ${t.apartments}
           AND NOT EXISTS (SELECT 1 FROM building_boards bb WHERE bb.building_id = s.id)`,
      { n: sql`s.apartment_count` },
    ),
    BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: row(
      'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
      sql`'Organization' AS entity_type, b.id::text AS entity_id, b.name AS entity_name`,
      sql`FROM boards b JOIN groups g ON g.id = b.group_id LEFT JOIN board_counts x ON x.board_id = b.id
         WHERE NOT COALESCE(x.any_member, false)`,
      { n: sql`COALESCE(x.members, 0)` },
    ),
    BOARD_TERM_EXPIRED: row(
      'BOARD_TERM_EXPIRED',
      sql`'Organization' AS entity_type, b.id::text AS entity_id, b.name AS entity_name`,
      sql`FROM boards b JOIN groups g ON g.id = b.group_id
         CROSS JOIN LATERAL (SELECT t.id, t.term_number, t.valid_to FROM board_terms t
                              WHERE t.board_id = b.id AND t.valid_from <= ${to}
                              ORDER BY t.valid_from DESC, t.term_number DESC, t.id LIMIT 1) lt
         WHERE lt.valid_to <= ${to} AND NOT EXISTS (SELECT 1 FROM board_terms t WHERE t.board_id = b.id AND ${alive('t', to)})`,
      { n: sql`lt.term_number`, on: sql`lt.valid_to`, related: sql`lt.id` },
    ),
    BOARD_HEAD_WITHOUT_FIRE_TRAINING: row(
      'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
      sql`'Person' AS entity_type, h.person_id::text AS entity_id,
          COALESCE((SELECT pe.full_name FROM people pe WHERE pe.id = h.person_id), h.person_id::text) AS entity_name`,
      sql`FROM (SELECT DISTINCT m.board_id, m.person_id FROM board_members m WHERE m.head) h
         JOIN boards b ON b.id = h.board_id JOIN groups g ON g.id = b.group_id
         WHERE NOT EXISTS (SELECT 1 FROM training_attendances ta
                  JOIN trainings tr ON tr.id = ta.training_id AND 'FIRE_SAFETY' = ANY (tr.topics) AND tr.held_on <= ${to}
                 WHERE ta.person_id = h.person_id)`,
      { boards: sql`jsonb_build_array(jsonb_build_object('id', b.id, 'name', b.name))` },
    ),
    // Every (cell, group in scope it serves): the finding is filed under the first group in name order.
    CELL_MIN_OFFICIAL_MEMBERS: row(
      'CELL_MIN_OFFICIAL_MEMBERS',
      sql`'Organization' AS entity_type, c.id::text AS entity_id, c.name AS entity_name`,
      sql`FROM group_cells c JOIN groups g ON g.id = c.group_id
         LEFT JOIN cell_counts x ON x.cell_id = c.id`,
      { n: sql`COALESCE(x.official, 0)` },
    ),
    GROUP_WITHOUT_COORDINATION_REGULATION: row(
      'GROUP_WITHOUT_COORDINATION_REGULATION',
      sql`'AdministrativeUnit' AS entity_type, g.id::text AS entity_id, g.name AS entity_name`,
      sql`FROM groups g JOIN group_boards x ON x.group_id = g.id
         WHERE NOT EXISTS (SELECT 1 FROM coordination_regulations r WHERE r.residential_group_id = g.id AND ${alive('r', to)})`,
      { boards: sql`x.boards` },
    ),
  };
  const wanted = FINDING_CODES.filter((c) => codes.has(c)).map((c) => selects[c]);
  // A board's running term ends within TERM_REMINDER_DAYS after the date, and no later term is recorded.
  if (reminders)
    wanted.push(
      row(
        'BOARD_TERM_ENDING_SOON',
        sql`'Organization' AS entity_type, b.id::text AS entity_id, b.name AS entity_name`,
        sql`FROM boards b JOIN groups g ON g.id = b.group_id
           CROSS JOIN LATERAL (SELECT t.id, t.term_number, t.valid_from, t.valid_to FROM board_terms t
                                WHERE t.board_id = b.id AND ${alive('t', to)}
                                ORDER BY t.valid_from DESC, t.term_number DESC, t.id LIMIT 1) ct
           WHERE ct.valid_to > ${to} AND ct.valid_to <= ${to} + ${TERM_REMINDER_DAYS}::int
             AND NOT EXISTS (SELECT 1 FROM board_terms t WHERE t.board_id = b.id AND t.valid_from > ct.valid_from)`,
        { n: sql`ct.term_number`, on: sql`ct.valid_to`, related: sql`ct.id` },
      ),
    );
  return sql`WITH ${placementCtes(p)},
    groups AS (
      SELECT g.id, g.name, g.kind, g.kind_label, pt.ward_id, w.name AS ward_name,
             (SELECT count(*) FROM apartment_buildings b WHERE b.residential_group_id = g.id AND ${alive('b', to)}) AS standing
        FROM placed_to pt JOIN administrative_units g ON g.id = pt.unit_id AND g.kind = 'RESIDENTIAL_GROUP'
        LEFT JOIN administrative_units w ON w.id = pt.ward_id
       WHERE pt.kind = 'in'),
    standing AS (
      SELECT b.* FROM groups g JOIN apartment_buildings b ON b.residential_group_id = g.id AND ${alive('b', to)}),
    -- Boards alive on the date managing a standing building of the scope, directly or through its complex.
    building_boards AS (
      SELECT s.id AS building_id, s.residential_group_id AS group_id, o.id AS board_id, o.name FROM standing s
        JOIN organizations o ON ${board} AND (o.building_id = s.id OR (s.complex_id IS NOT NULL AND o.complex_id = s.complex_id))),
    group_cells AS (
      SELECT DISTINCT g.id AS group_id, o.id, o.name FROM groups g
        JOIN organization_areas a ON a.unit_id = g.id AND ${alive('a', to)}
        JOIN organizations o ON o.id = a.organization_id AND o.kind = 'PARTY_CELL' AND ${alive('o', to)}),
    ${boardCandidatesCte(p)},
    -- Boards lying in the scope: filed under a group of the scope (placeBoard).
    boards AS (
      SELECT x.id, x.name, x.group_id FROM (SELECT o.id, o.name, ${boardGroup('o', to)} AS group_id FROM board_candidates o) x
        JOIN groups g ON g.id = x.group_id),
    board_seats AS (
      SELECT DISTINCT b.id AS board_id, m.person_id, m.role = 'HEAD' AS head FROM boards b
        JOIN memberships m ON m.organization_id = b.id AND ${alive('m', to)}),
    ${boardPeopleCte(to)},
    board_members AS (
      SELECT s.*, bp.party, bp.post FROM board_seats s JOIN board_people bp ON bp.person_id = s.person_id),
    -- Per board, per group and per cell once (hashed), never a scan per row of the outer list.
    board_counts AS (
      SELECT m.board_id, count(DISTINCT m.person_id) AS members, bool_or(m.party OR m.post) AS any_member
        FROM board_members m GROUP BY m.board_id),
    group_boards AS (
      SELECT bb.group_id, jsonb_agg(DISTINCT jsonb_build_object('id', bb.board_id, 'name', bb.name)) AS boards
        FROM building_boards bb GROUP BY bb.group_id),
    cell_counts AS (
      SELECT pm.home_cell_id AS cell_id, count(DISTINCT pm.person_id) AS official FROM party_memberships pm
       WHERE pm.home_cell_id IN (SELECT c.id FROM group_cells c) AND pm.status = 'OFFICIAL' AND ${alive('pm', to)}
       GROUP BY pm.home_cell_id)
    ${Prisma.join(wanted, ' UNION ALL ')}`;
}

/**
 * The findings of a query, or its violations (as the domain words them). Stops before its
 * statement when `signal` is aborted (the client went away).
 */
export async function sqlFindings(prisma: PrismaClient, query: FindingsQuery, signal?: AbortSignal): Promise<Result<Finding[]>> {
  const scope = await scopeOf(prisma, query);
  if (!scope.ok) return scope;
  const codes = new Set<FindingCode>(FINDING_CODES.filter((c) => !query.codes || query.codes.includes(c)));
  if (codes.size === 0) return ok([]);
  throwIfAborted(signal);
  const rules = rulesOn(query.on, query.ruleData);
  const rows = await prisma.$queryRaw<FindingRow[]>(findingsStatement({ scope: scope.value, to: query.on }, rules, codes));
  const wards = query.wardIds ? new Set(query.wardIds) : undefined;
  return ok(findingsOfRows(rows, rules.minOfficial).filter((f) => !wards || wards.has(f.wardId)));
}

/** The scope unit's id of a findings or reminders query, or the query's violations (as the domain words them). */
async function scopeOf(prisma: PrismaClient, query: RemindersQuery): Promise<Result<string>> {
  const scopeRows = isIsoDate(query.on) ? await readScope(prisma, query.scopeUnitId, query.on) : [];
  const unit = scopeRows.find((r) => r.role === 'scope');
  const violations = findingsQueryViolations(query, unit !== undefined);
  return violations.length > 0 || !unit ? fail(violations) : ok(unit.id);
}

/** The rules' figures the statement and its wording need on a day. */
function rulesOn(on: string, ruleData?: RemindersQuery['ruleData']): Thresholds & { minOfficial: number } {
  return {
    apartments: numericRuleParameter('board.requiredFromApartments', on, ruleData),
    minOfficial: numericRuleParameter('cell.minOfficialMembers', on, ruleData),
  };
}

/** The reminder codes that are findings too: their rows are the findings statement's. */
const STANDING_REMINDERS = new Set<FindingCode>(['BOARD_HEAD_WITHOUT_FIRE_TRAINING', 'GROUP_WITHOUT_COORDINATION_REGULATION']);

/**
 * The reminders of a scope on a date (`computeReminders` is the definition): its boards' terms
 * ending within TERM_REMINDER_DAYS, soonest first, then the heads without fire-safety training and
 * the groups without a coordination regulation, in the findings' order — one statement, the
 * findings statement's places and boards with the term select added.
 */
export async function sqlReminders(prisma: PrismaClient, query: RemindersQuery, signal?: AbortSignal): Promise<Result<Reminder[]>> {
  const scope = await scopeOf(prisma, query);
  if (!scope.ok) return scope;
  throwIfAborted(signal);
  const on = query.on;
  const rules = rulesOn(on, query.ruleData);
  const rows = await prisma.$queryRaw<FindingRow[]>(findingsStatement({ scope: scope.value, to: on }, rules, STANDING_REMINDERS, true));
  const terms = rows
    .filter((r) => r.code === 'BOARD_TERM_ENDING_SOON')
    .map((r): Reminder => {
      const endsOn = r.on ?? '';
      const days = daysBetween(on, endsOn);
      const finding = makeFinding({
        code: 'BOARD_TERM_EXPIRED', // placed like a board's finding, as the domain does; the code is replaced
        entity: { type: 'Organization', id: r.entity_id },
        entityName: r.entity_name,
        groupId: r.group_id,
        ...wardOfRow(r),
        related: [{ type: 'BoardTerm', id: r.related_id ?? '' }],
        message: REMINDER_MESSAGES.BOARD_TERM_ENDING_SOON({ board: r.entity_name, termNumber: r.n, endsOn, days }),
      });
      return { ...finding, code: 'BOARD_TERM_ENDING_SOON', dueOn: endsOn };
    })
    .sort(compareTermReminders);
  const standing = findingsOfRows(
    rows.filter((r) => r.code !== 'BOARD_TERM_ENDING_SOON'),
    rules.minOfficial,
  ).map((f): Reminder => ({ ...f, code: f.code as ReminderCode, dueOn: null }));
  return ok([...terms, ...standing]);
}

/**
 * The keys of every finding (all codes, the rules of the day) of each ward asked, in ONE statement:
 * the findings statement once per ward (a lateral join over the wards), each ward its own scope,
 * so each ward's keys are those `sqlFindings` gives for it. A ward that does not exist on the day
 * (merged away) is left out of the map, as `sqlFindings` refuses it.
 */
export async function wardsFindingKeys(db: PrismaClient, wardIds: readonly string[], on: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (wardIds.length === 0) return out;
  const rules = rulesOn(on);
  const statement = findingsStatement({ scope: sql`w.id`, to: on }, rules, new Set(FINDING_CODES));
  const rows = await db.$queryRaw<Array<FindingRow & { scope_ward: string }>>(sql`
    SELECT w.id::text AS scope_ward, f.* FROM administrative_units w
      LEFT JOIN LATERAL (${statement}) f ON true
     WHERE w.id = ANY (${[...wardIds]}::uuid[]) AND ${alive('w', asDate(on))}`);
  const byWard = new Map<string, FindingRow[]>();
  for (const { scope_ward, ...r } of rows) {
    const list = byWard.get(scope_ward) ?? [];
    if (r.code !== null) list.push(r);
    byWard.set(scope_ward, list);
  }
  for (const [ward, list] of byWard) out.set(ward, new Set(findingsOfRows(list, rules.minOfficial).map(findingKey)));
  return out;
}

/** The statement's rows of one scope as findings, ordered (a cell is filed once, under its first group). */
function findingsOfRows(rows: readonly FindingRow[], minOfficial: number): Finding[] {
  const findings: Finding[] = [];
  const cells = new Map<string, FindingRow>();
  for (const r of rows) {
    if (r.code === 'CELL_MIN_OFFICIAL_MEMBERS') {
      // A cell serving several groups is filed once, under the first of them in name order.
      const seen = cells.get(r.entity_id);
      if (!seen || compareNamedRows(r, seen) < 0) cells.set(r.entity_id, r);
      continue;
    }
    if (r.code !== 'BOARD_TERM_ENDING_SOON') findings.push(toFinding({ ...r, code: r.code }, minOfficial));
  }
  for (const r of cells.values()) if (r.n < minOfficial) findings.push(toFinding({ ...r, code: 'CELL_MIN_OFFICIAL_MEMBERS' }, minOfficial));
  return findings.sort(compareFindings);
}

/** Groups in Vietnamese name order, then id (`compareNamed`, the order of a scope's groups). */
function compareNamedRows(a: FindingRow, b: FindingRow): number {
  return compareVietnamese(a.group_name, b.group_name) || (a.group_id < b.group_id ? -1 : a.group_id > b.group_id ? 1 : 0);
}

/** A row's ward, or the unassigned ward when its group lies in none. */
function wardOfRow(r: FindingRow): { wardId: string; wardName: string } {
  return r.ward_id ? { wardId: r.ward_id, wardName: r.ward_name ?? '' } : { wardId: UNASSIGNED_WARD_ID, wardName: UNASSIGNED_WARD_NAME };
}

/** A row worded as the domain words its finding. */
function toFinding(r: FindingRow & { code: FindingCode }, minOfficial: number): Finding {
  const group = unitDisplayName({ kind: r.group_kind, kindLabel: r.group_kind_label, name: r.group_name });
  const entity: EntityRef = { type: r.entity_type, id: r.entity_id };
  const boards = [...(r.boards ?? [])].sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const base = { code: r.code, entity, entityName: r.entity_name, groupId: r.group_id, ...wardOfRow(r) };
  const head = boards[0] ?? { id: '', name: '' };
  switch (r.code) {
    case 'GROUP_WITHOUT_CELL':
      return makeFinding({ ...base, message: FINDING_MESSAGES.GROUP_WITHOUT_CELL({ group, buildings: r.n }) });
    case 'BUILDING_WITHOUT_BOARD':
      return makeFinding({ ...base, message: FINDING_MESSAGES.BUILDING_WITHOUT_BOARD({ building: r.entity_name, apartments: r.n }) });
    case 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER':
      return makeFinding({
        ...base,
        message: FINDING_MESSAGES.BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER({ board: r.entity_name, members: r.n }),
      });
    case 'BOARD_TERM_EXPIRED':
      return makeFinding({
        ...base,
        related: [{ type: 'BoardTerm', id: r.related_id ?? '' }],
        message: FINDING_MESSAGES.BOARD_TERM_EXPIRED({ board: r.entity_name, termNumber: r.n, endedOn: r.on ?? '' }),
      });
    case 'BOARD_HEAD_WITHOUT_FIRE_TRAINING':
      return makeFinding({
        ...base,
        related: [{ type: 'Organization', id: head.id }],
        message: FINDING_MESSAGES.BOARD_HEAD_WITHOUT_FIRE_TRAINING({ head: r.entity_name, board: head.name }),
      });
    case 'CELL_MIN_OFFICIAL_MEMBERS':
      return makeFinding({
        ...base,
        message: FINDING_MESSAGES.CELL_MIN_OFFICIAL_MEMBERS({ cell: r.entity_name, official: r.n, min: minOfficial }),
      });
    case 'GROUP_WITHOUT_COORDINATION_REGULATION':
      return makeFinding({
        ...base,
        related: boards.map((b) => ({ type: 'Organization', id: b.id })),
        message: FINDING_MESSAGES.GROUP_WITHOUT_COORDINATION_REGULATION({ group, boards: boards.map((b) => b.name) }),
      });
  }
}
