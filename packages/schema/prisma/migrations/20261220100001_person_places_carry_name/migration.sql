-- coso: a district officer's people search at 30 districts read every match in the city (the
-- name's trigram index finds 5,764 "nguyen van") or every person of the territory (2,508 look-ups
-- of people by id), then kept the territory's 81: twice the time of one district (#13). Each place
-- row now carries its person's folded name, so the search reads the territory's place rows (the
-- closure's units, then the index below by unit) and keeps the matching names there, without
-- reading a person the name does not match: the same work at 1 district or 30
-- (tests/bench/README.md). The copy is derived like the rest of the row, by the same refresh,
-- which every write to people already runs (a rename included); person-places.test.ts checks it
-- against the people table after random writes.

-- DropIndex
DROP INDEX "person_places_unit_id_person_id_idx";

-- AlterTable
ALTER TABLE "person_places" ADD COLUMN     "person_name_search" TEXT;
UPDATE "person_places" pp SET "person_name_search" = p."name_search" FROM "people" p WHERE p."id" = pp."person_id";
ALTER TABLE "person_places" ALTER COLUMN "person_name_search" SET NOT NULL;

-- CreateIndex
CREATE INDEX "person_places_unit_id_person_id_person_name_search_idx" ON "person_places"("unit_id", "person_id", "person_name_search");

-- coso: what Prisma cannot express ───────────────────────────────────────────

-- As in 20261204140000_person_places, with the person's folded name beside each unit.
CREATE OR REPLACE FUNCTION coso_refresh_person_places(persons uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF persons IS NULL OR cardinality(persons) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('coso_unit_closure'));
  DELETE FROM person_places WHERE person_id = ANY (persons);
  INSERT INTO person_places (person_id, unit_id, person_name_search)
  WITH asked AS (SELECT DISTINCT unnest(persons) AS id),
  held AS (
    SELECT m.person_id, m.organization_id FROM memberships m JOIN asked ON asked.id = m.person_id
    UNION
    SELECT pm.person_id, pm.home_cell_id FROM party_memberships pm JOIN asked ON asked.id = pm.person_id
  ),
  placed AS (
    SELECT p.id AS person_id, p.residence_unit_id AS unit_id FROM people p JOIN asked ON asked.id = p.id WHERE p.residence_unit_id IS NOT NULL
    UNION
    SELECT h.person_id, a.unit_id FROM held h JOIN organization_areas a ON a.organization_id = h.organization_id
    UNION
    SELECT h.person_id, b.residential_group_id FROM held h JOIN organizations o ON o.id = h.organization_id
      JOIN apartment_buildings b ON b.id = o.building_id
    UNION
    SELECT h.person_id, b.residential_group_id FROM held h JOIN organizations o ON o.id = h.organization_id
      JOIN apartment_buildings b ON b.complex_id = o.complex_id
    UNION
    SELECT ow.person_id, b.residential_group_id FROM apartment_ownerships ow JOIN asked ON asked.id = ow.person_id
      JOIN apartments ap ON ap.id = ow.apartment_id JOIN apartment_buildings b ON b.id = ap.building_id
  )
  SELECT placed.person_id, placed.unit_id, p.name_search FROM placed JOIN people p ON p.id = placed.person_id
  ON CONFLICT DO NOTHING;
END $$;

-- And the name's trigram index on the place rows, as people's own (20261204110000_name_search_trigram):
-- where the territory holds most of the city (one district's sample, a city officer) PostgreSQL
-- finds the matching place rows by name and keeps those of the territory; where it is a small part
-- of it, it reads the territory's rows by unit (the index above). It chooses by its estimates.
CREATE INDEX "person_places_person_name_search_trgm" ON "person_places" USING gin ("person_name_search" gin_trgm_ops);

-- The new column's statistics now, so the first plans do not take every name for a rare one.
ANALYZE "person_places";
