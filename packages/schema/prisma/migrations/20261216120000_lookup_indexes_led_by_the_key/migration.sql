-- coso: writing a district grew with the city (#13 item 7). The exclusion index of
-- memberships_no_overlap was GiST over (person_id, organization_id, role, period). The planner
-- costs a multi-column GiST index as if any column could narrow its search, and it is covering for
-- person_id, so it chose it for lookups by organization_id; but GiST narrows only by the leading
-- column, so each organization looked up read the whole index. The person_places trigger looks up
-- the members of every body a statement writes: at 30 districts one district's 766 bodies read
-- 691,000 index pages (3.7 s for the organizations insert, 3.2 s for organization_areas, growing
-- with the number of memberships), and every board's members read paid the same per board.
-- The constraint stays the same rule (one person, one body, one role: no two overlapping periods),
-- stated over one key that no lookup by a single column can match, so lookups by organization_id
-- take its btree index (memberships_organization_id_idx) and by person_id theirs.
-- lookup-indexes.test.ts holds every single-column reference to an index led by it.

-- The holding a membership is (person, body, role), as one value. Injective: uuids print at a
-- fixed length. IMMUTABLE as coso_single_holder_seat: renaming a "Role" label needs a REINDEX.
CREATE FUNCTION coso_membership_holding(person uuid, body uuid, r "Role") RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT person::text || ' ' || body::text || ' ' || r::text
$$;

-- PostgreSQL checks a table's indexes in the order they were made, and a row that breaks both
-- rules (the same person again in a single-holder seat) must keep being told the first
-- (MEMBERSHIP_OVERLAP, constraints.test.ts): the seat's constraint is made again after it, unchanged.
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_one_holder_per_seat";
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_no_overlap";
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_no_overlap"
  EXCLUDE USING gist (coso_membership_holding("person_id", "organization_id", "role") WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_one_holder_per_seat"
  EXCLUDE USING gist (
    "organization_id" WITH =,
    coso_single_holder_seat("role") WITH =,
    daterange("valid_from", "valid_to", '[)') WITH &&
  ) WHERE (coso_single_holder_seat("role") IS NOT NULL);
