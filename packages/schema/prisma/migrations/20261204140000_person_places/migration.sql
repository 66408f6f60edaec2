-- coso: where a person is, as data (#13 item 4). A person's read check and the people list placed
-- them by an OR of four paths (residence; the places of the bodies they hold posts in; of their
-- party cells; the groups of the buildings they own apartments in), each an EXISTS evaluated for
-- every person a name search matched, and the count ran it again: 1.1 s at 30 districts for a
-- district officer. person_places holds, per person, every unit those paths reach (at any date, as
-- the paths themselves are undated; the territory's date is the unit closure's), so "people in a
-- territory" is one join of person_places with the closure. Derived data, not entered: no audit,
-- no version (its sources are audited). Kept by statement triggers on every table a path crosses;
-- the test person-places.test.ts checks it against the definition's locator after random writes.

CREATE TABLE "person_places" (
    "person_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    CONSTRAINT "person_places_pkey" PRIMARY KEY ("person_id","unit_id")
);
CREATE INDEX "person_places_unit_id_person_id_idx" ON "person_places"("unit_id", "person_id");
ALTER TABLE "person_places" ADD CONSTRAINT "person_places_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "person_places" ADD CONSTRAINT "person_places_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- coso: what Prisma cannot express ───────────────────────────────────────────

-- The units of these people, recomputed from the four paths (entities/definitions.ts, Person's
-- `places`; a body's places as in store/organization-places.ts: its areas, its building's group,
-- its complex's buildings' groups). Writers take turns: each statement of the refresh then sees
-- what the previous holder committed (without it, two writers changing one person's paths at once
-- would each write their own view, and the older view's rows would stay). The lock is the unit
-- closure's: a transaction that writes both units and people (a reorganisation, an import) and
-- another taking them the other way round would otherwise deadlock.
CREATE FUNCTION coso_refresh_person_places(persons uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF persons IS NULL OR cardinality(persons) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('coso_unit_closure'));
  DELETE FROM person_places WHERE person_id = ANY (persons);
  INSERT INTO person_places (person_id, unit_id)
  WITH asked AS (SELECT DISTINCT unnest(persons) AS id),
  held AS (
    SELECT m.person_id, m.organization_id FROM memberships m JOIN asked ON asked.id = m.person_id
    UNION
    SELECT pm.person_id, pm.home_cell_id FROM party_memberships pm JOIN asked ON asked.id = pm.person_id
  )
  SELECT p.id, p.residence_unit_id FROM people p JOIN asked ON asked.id = p.id WHERE p.residence_unit_id IS NOT NULL
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
  ON CONFLICT DO NOTHING;
END $$;

-- The people a body's places concern: those holding posts in it or whose party cell it is.
CREATE FUNCTION coso_people_of_organizations(orgs uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT ARRAY(
    SELECT person_id FROM memberships WHERE organization_id = ANY (orgs)
    UNION
    SELECT person_id FROM party_memberships WHERE home_cell_id = ANY (orgs))
$$;

-- The people a statement's rows concern, per table (TG_TABLE_NAME), from both transition tables.
CREATE FUNCTION coso_person_places_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  changed jsonb := '[]';
  people uuid[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changed := changed || (SELECT coalesce(jsonb_agg(to_jsonb(n)), '[]') FROM new_rows n);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changed := changed || (SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]') FROM old_rows o);
  END IF;
  people := CASE TG_TABLE_NAME
    WHEN 'people' THEN ARRAY(SELECT (j ->> 'id')::uuid FROM jsonb_array_elements(changed) AS r(j))
    WHEN 'memberships' THEN ARRAY(SELECT (j ->> 'person_id')::uuid FROM jsonb_array_elements(changed) AS r(j))
    WHEN 'party_memberships' THEN ARRAY(SELECT (j ->> 'person_id')::uuid FROM jsonb_array_elements(changed) AS r(j))
    WHEN 'apartment_ownerships' THEN ARRAY(SELECT (j ->> 'person_id')::uuid FROM jsonb_array_elements(changed) AS r(j))
    WHEN 'organization_areas' THEN coso_people_of_organizations(ARRAY(SELECT (j ->> 'organization_id')::uuid FROM jsonb_array_elements(changed) AS r(j)))
    WHEN 'organizations' THEN coso_people_of_organizations(ARRAY(SELECT (j ->> 'id')::uuid FROM jsonb_array_elements(changed) AS r(j)))
    WHEN 'apartment_buildings' THEN
      coso_people_of_organizations(ARRAY(
        SELECT o.id FROM organizations o JOIN jsonb_array_elements(changed) AS r(j)
          ON o.building_id = (r.j ->> 'id')::uuid OR o.complex_id = (r.j ->> 'complex_id')::uuid))
      || ARRAY(SELECT ow.person_id FROM apartment_ownerships ow JOIN apartments ap ON ap.id = ow.apartment_id
               JOIN jsonb_array_elements(changed) AS r(j) ON ap.building_id = (r.j ->> 'id')::uuid)
    WHEN 'apartments' THEN
      ARRAY(SELECT ow.person_id FROM apartment_ownerships ow JOIN jsonb_array_elements(changed) AS r(j) ON ow.apartment_id = (r.j ->> 'id')::uuid)
  END;
  PERFORM coso_refresh_person_places(people);
  RETURN NULL;
END $$;

-- One trigger per table and event (transition tables need a single event); TRUNCATE of a source
-- refreshes everyone.
CREATE FUNCTION coso_person_places_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM coso_refresh_person_places(ARRAY(SELECT id FROM people));
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['people', 'memberships', 'party_memberships', 'apartment_ownerships',
                           'organization_areas', 'organizations', 'apartment_buildings', 'apartments']
  LOOP
    EXECUTE format('CREATE TRIGGER coso_person_places_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_person_places_changed()', t);
    EXECUTE format('CREATE TRIGGER coso_person_places_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_person_places_changed()', t);
    EXECUTE format('CREATE TRIGGER coso_person_places_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_person_places_changed()', t);
    IF t <> 'people' THEN
      EXECUTE format('CREATE TRIGGER coso_person_places_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION coso_person_places_truncated()', t);
    END IF;
  END LOOP;
END $$;

-- Everyone already stored.
SELECT coso_refresh_person_places(ARRAY(SELECT id FROM people));
