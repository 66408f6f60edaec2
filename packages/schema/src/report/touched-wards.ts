import type { Tx } from '../store/transaction.js';

/**
 * The wards whose findings the current transaction may have changed: read from its own audit
 * entries (written by the triggers, `transaction_id = txid_current()`), before and after images
 * alike, so a record moved between wards touches both. Every id a changed row holds (its own, and
 * every reference: group, building, complex, board, cell, person, training…) is followed to the
 * places the findings read through it:
 * - a unit is its own place;
 * - a person is where `person_places` puts them (residence, the bodies they hold posts in, their
 *   party cells, their apartments): who sits on a board and whether they are a party member, hold a
 *   post or attended a training changes that board's findings;
 * - the people of a changed body (its members, the party members of a cell) and of a changed
 *   training (its attendees), for the same reason;
 * - a body's areas, its building's group and its complex's buildings' groups;
 * - a building's (or an apartment's building's, a complex's buildings') group.
 * Places become wards through the unit closure at any date and the parent links at any date (a
 * superset is only extra work; a ward left out would leave fixed work open). Work on findings itself changes no finding: left out.
 * `finding-closure.test.ts` holds this to a recomputation of every ward over generated writes.
 */
export async function touchedWards(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ ward_id: string }>>`
    WITH RECURSIVE ids AS (
      SELECT DISTINCT v.value::uuid AS id
        FROM audit_entries e
        CROSS JOIN LATERAL (
          SELECT e.entity_id AS value
          UNION SELECT j.value FROM jsonb_each_text(e.before) j
          UNION SELECT j.value FROM jsonb_each_text(e.after) j) v
       WHERE e.transaction_id = txid_current() AND e.entity_type <> 'FindingWork'
         AND v.value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    people AS (
      SELECT id AS person_id FROM ids
      UNION SELECT m.person_id FROM memberships m JOIN ids ON ids.id = m.organization_id
      UNION SELECT pm.person_id FROM party_memberships pm JOIN ids ON ids.id = pm.home_cell_id
      UNION SELECT ta.person_id FROM training_attendances ta JOIN ids ON ids.id = ta.training_id),
    places AS (
      SELECT id AS unit_id FROM ids
      UNION SELECT pp.unit_id FROM person_places pp JOIN people ON people.person_id = pp.person_id
      UNION SELECT a.unit_id FROM organization_areas a JOIN ids ON ids.id = a.organization_id
      UNION SELECT b.residential_group_id FROM organizations o JOIN ids ON ids.id = o.id
              JOIN apartment_buildings b ON b.id = o.building_id OR b.complex_id = o.complex_id
      UNION SELECT b.residential_group_id FROM apartment_buildings b JOIN ids ON ids.id = b.id OR ids.id = b.complex_id
      UNION SELECT b.residential_group_id FROM apartments ap JOIN ids ON ids.id = ap.id
              JOIN apartment_buildings b ON b.id = ap.building_id),
    -- Every parent link at any date, followed up: a unit whose life the write emptied has no
    -- closure rows left, but its links still say where it was.
    up(id) AS (
      SELECT unit_id FROM places WHERE unit_id IS NOT NULL
      UNION SELECT l.parent_id FROM unit_parents l JOIN up ON l.unit_id = up.id)
    SELECT DISTINCT w.id::text AS ward_id FROM places p
      JOIN unit_closure c ON c.descendant_id = p.unit_id
      JOIN administrative_units w ON w.id = c.ancestor_id AND w.kind IN ('WARD', 'COMMUNE')
    UNION
    SELECT w.id::text FROM up JOIN administrative_units w ON w.id = up.id AND w.kind IN ('WARD', 'COMMUNE')`;
  return rows.map((r) => r.ward_id);
}
