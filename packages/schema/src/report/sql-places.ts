import { Prisma } from '../generated/prisma/client.js';

/**
 * SQL fragments for "where a record lies" in a report: the domain's `ReportContext` placement
 * (`packages/domain/src/report/context.ts`) over the unit closure. The bulk — every unit as it
 * stands on the as-of date — is placed set-wise once per statement (`placementCtes`); a record
 * whose place no longer exists on that date is placed by the database's `coso_report_*`
 * functions as of its own date (migration `report_placement`). The domain stays the definition;
 * `sql-report.test.ts` holds these to it on generated states.
 *
 * Every fragment is built from constant SQL and bound values (`Prisma.sql`): nothing a user sends
 * is ever spliced in as text.
 */
export type Sql = Prisma.Sql;
const sql = Prisma.sql;

/** The request's parameters, bound once per use. */
export interface Params {
  /** The scope unit's id, or an expression naming it (a column of an outer query: one statement for many scopes). */
  scope: string | Sql;
  /** The as-of date (`to` of a report, `on` of findings), ISO. */
  to: string;
}

/** `alias` (a table with valid_from / valid_to) is valid on the day `d`: valid_from ≤ d < valid_to. */
export function alive(alias: string, d: Sql): Sql {
  const a = Prisma.raw(alias);
  return sql`(${a}.valid_from <= ${d} AND (${a}.valid_to IS NULL OR ${d} < ${a}.valid_to))`;
}

export const asDate = (iso: string): Sql => sql`${iso}::date`;
export const asUuid = (id: string): Sql => sql`${id}::uuid`;
/** The scope of the parameters as SQL: a bound id, or the expression given. */
const scopeOf = (p: Params): Sql => (typeof p.scope === 'string' ? asUuid(p.scope) : p.scope);
const noDate = sql`NULL::date`;

/** A closure row (alias) of the hierarchy (not access's after-end rows) holding on `d`. */
const closureOn = (alias: string, d: Sql): Sql => sql`NOT ${Prisma.raw(alias)}.after_end AND ${alive(alias, d)}`;

/**
 * CTEs placing every unit that exists on `to` and lies inside the scope ('in', with its nearest
 * ward or commune: the deepest of its ward ancestors that day) or above it ('above'): `in_to`,
 * `above_to` and `placed_to(unit_id, kind, ward_id)`.
 */
export function placementCtes(p: Params): Sql {
  const to = asDate(p.to);
  const scope = scopeOf(p);
  return sql`in_to AS (
      SELECT c.descendant_id AS id FROM unit_closure c WHERE c.ancestor_id = ${scope} AND ${closureOn('c', to)}),
    above_to AS (
      SELECT c.ancestor_id AS id FROM unit_closure c WHERE c.descendant_id = ${scope} AND ${closureOn('c', to)}),
    ward_links AS (
      SELECT c.descendant_id AS unit_id, c.ancestor_id AS ward_id FROM in_to i
        JOIN unit_closure c ON c.descendant_id = i.id AND ${closureOn('c', to)}
        JOIN administrative_units a ON a.id = c.ancestor_id AND a.kind IN ('WARD', 'COMMUNE')),
    -- Each ward's depth (its ancestors that day), counted once per ward, not once per unit below it.
    ward_depths AS MATERIALIZED (
      SELECT w.ward_id, (SELECT count(*) FROM unit_closure c2 WHERE c2.descendant_id = w.ward_id AND ${closureOn('c2', to)}) AS depth
        FROM (SELECT DISTINCT ward_id FROM ward_links) w),
    ward_pick AS (
      SELECT DISTINCT ON (l.unit_id) l.unit_id, l.ward_id FROM ward_links l JOIN ward_depths wd ON wd.ward_id = l.ward_id
       ORDER BY l.unit_id, wd.depth DESC, l.ward_id),
    placed_to AS (
      SELECT i.id AS unit_id, 'in' AS kind, wp.ward_id FROM in_to i LEFT JOIN ward_pick wp ON wp.unit_id = i.id
      UNION ALL
      SELECT a.id, 'above', NULL::uuid FROM above_to a WHERE a.id <> ${scope})`;
}

/**
 * `placeUnit(unit, fallbackOn)`, needing `placementCtes`: joins giving `<as>.kind` ('in' | 'above'
 * | 'out') and `<as>.ward_id` (for 'in': the ward, null when in no ward). A unit that exists on
 * `to` is placed by `placed_to`; one that does not, by `coso_report_place_unit` as of `fallback`.
 */
export function placeUnit(p: Params, unit: Sql, fallback: Sql | null, as: string): Sql {
  const t = Prisma.raw(`${as}_t`);
  const f = Prisma.raw(`${as}_f`);
  const to = asDate(p.to);
  return sql`LEFT JOIN placed_to ${t} ON ${t}.unit_id = ${unit}
    LEFT JOIN LATERAL (SELECT pf.kind, pf.ward_id FROM coso_report_place_unit(${scopeOf(p)}, ${unit}, ${to}, ${fallback ?? noDate}) pf
       WHERE ${t}.unit_id IS NULL AND NOT EXISTS (SELECT 1 FROM administrative_units u WHERE u.id = ${unit} AND ${alive('u', to)})) ${f} ON true
    CROSS JOIN LATERAL (SELECT COALESCE(${t}.kind, ${f}.kind, 'out') AS kind, COALESCE(${t}.ward_id, ${f}.ward_id) AS ward_id) ${Prisma.raw(as)}`;
}

/**
 * The residential group a board (organizations alias) is filed under on `d`
 * (`groupsOfBoard(board, d)[0]`): its building's group; for a complex board, the group of the
 * complex's first building (by id) standing on `d`, else of its first building; for a board with
 * neither, the first group (by id) it serves on `d` while it exists. Same as `coso_report_board_group`.
 */
export function boardGroup(board: string, d: Sql): Sql {
  const o = Prisma.raw(board);
  return sql`COALESCE(
    (SELECT b.residential_group_id FROM apartment_buildings b WHERE b.id = ${o}.building_id),
    (SELECT b.residential_group_id FROM apartment_buildings b WHERE ${o}.building_id IS NULL AND b.complex_id = ${o}.complex_id
      ORDER BY ${alive('b', d)} DESC, b.id LIMIT 1),
    (SELECT a.unit_id FROM organization_areas a
       JOIN administrative_units u ON u.id = a.unit_id AND u.kind = 'RESIDENTIAL_GROUP' AND ${alive('u', d)}
      WHERE a.organization_id = ${o}.id AND ${alive('a', d)} AND ${alive(board, d)}
      ORDER BY a.unit_id LIMIT 1))`;
}

/**
 * `board_candidates`, needing `placementCtes`: the management boards alive on `to` that reach the
 * scope by a building of one of its units, by a building of their complex, or by a place they serve
 * on `to` — the boards whose group (`boardGroup`) can lie in the scope.
 */
export function boardCandidatesCte(p: Params): Sql {
  const to = asDate(p.to);
  const board = sql`o.kind = 'MANAGEMENT_BOARD' AND ${alive('o', to)}`;
  return sql`board_candidates AS (
      SELECT o.* FROM in_to i JOIN apartment_buildings b ON b.residential_group_id = i.id
        JOIN organizations o ON o.building_id = b.id AND ${board}
      UNION
      SELECT o.* FROM in_to i JOIN apartment_buildings b ON b.residential_group_id = i.id
        JOIN organizations o ON o.complex_id = b.complex_id AND o.building_id IS NULL AND ${board}
      UNION
      SELECT o.* FROM in_to i JOIN organization_areas a ON a.unit_id = i.id AND ${alive('a', to)}
        JOIN organizations o ON o.id = a.organization_id AND ${board})`;
}

/** `placeBoard(board, fallbackOn)` for an organizations alias, by the database function; kind 'unknown' when it has no group. */
export function placeBoard(p: Params, board: string, fallback: Sql | null, as: string): Sql {
  return sql`LEFT JOIN LATERAL coso_report_place_board(${scopeOf(p)}, ${Prisma.raw(board)}.id, ${asDate(p.to)}, ${fallback ?? noDate}) ${Prisma.raw(as)} ON true`;
}

/** `placeOrganization(org, fallbackOn)` for an organizations alias, by the database function; 'unknown' when it serves no place. */
export function placeOrganization(p: Params, org: string, fallback: Sql, as: string): Sql {
  return sql`LEFT JOIN LATERAL coso_report_place_organization(${scopeOf(p)}, ${Prisma.raw(org)}.id, ${asDate(p.to)}, ${fallback}) ${Prisma.raw(as)} ON true`;
}

/** The body `org` (alive on `d`) serves a residential group alive on `d` (`servesResidentialGroup`). */
const servesGroup = (org: Sql, d: Sql): Sql => sql`EXISTS (SELECT 1 FROM organization_areas sa
    JOIN administrative_units su ON su.id = sa.unit_id AND su.kind = 'RESIDENTIAL_GROUP' AND ${alive('su', d)}
   WHERE sa.organization_id = ${org} AND ${alive('sa', d)})`;

/**
 * Party member of a residential group's cell on `d` (`isPartyMemberOn`), looked up per person
 * (`LIMIT 1` keeps the planner from hashing every party membership of the city).
 */
const partyMember = (person: Sql, d: Sql): Sql => sql`EXISTS (SELECT 1 FROM party_memberships ppm
    JOIN organizations pc ON pc.id = ppm.home_cell_id AND pc.kind = 'PARTY_CELL' AND ${alive('pc', d)}
   WHERE ppm.person_id = ${person} AND ${alive('ppm', d)} AND ${servesGroup(sql`pc.id`, d)} LIMIT 1)`;

/** Holds a post in a residential group's political system on `d` (`isPostHolderOn`), looked up per person. */
const postHolder = (person: Sql, d: Sql): Sql => sql`EXISTS (SELECT 1 FROM memberships hm
    JOIN organizations hb ON hb.id = hm.organization_id AND ${alive('hb', d)}
   WHERE hm.person_id = ${person} AND ${alive('hm', d)}
     AND (hb.kind IN ('FRONT_WORK_COMMITTEE', 'MASS_ORGANIZATION_BRANCH', 'RESIDENTIAL_GROUP_LEADERSHIP')
          OR (hb.kind = 'PARTY_CELL' AND hm.role IN ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER')))
     AND ${servesGroup(sql`hb.id`, d)} LIMIT 1)`;

/**
 * `board_people`, needing `board_seats` (board_id, person_id, head): who each board member is on
 * `d`, once per person — a party member of a residential group's cell (`isPartyMemberOn`), a holder
 * of a post in a residential group's political system (`isPostHolderOn`). Asked per person by
 * index. A hashed form over every party membership and post of the database was measured on the
 * 30-district city (EXPLAIN ANALYZE, load 18, 2026-12-03): this CTE 0.17–0.63 s instead of
 * 0.71–1.08 s for the whole city (9,180 members), but 0.36–0.61 s instead of 15–20 ms for one
 * district (306): its cost grows with the database, not the scope.
 */
export function boardPeopleCte(d: Sql): Sql {
  return sql`board_people AS MATERIALIZED (
      SELECT p.person_id, ${partyMember(sql`p.person_id`, d)} AS party, ${postHolder(sql`p.person_id`, d)} AS post
        FROM (SELECT DISTINCT person_id FROM board_seats) p)`;
}
