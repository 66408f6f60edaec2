-- coso: where a record lies for the directive report and the findings (#13), as functions the
-- report's set-based statements call row by row. They say in SQL what the domain's ReportContext
-- and DirectiveIndexes say in TypeScript (packages/domain/src/report/context.ts,
-- directive/boards.ts, directive/political-system.ts), over the unit closure: "inside the scope on
-- d" is the closure row (scope → unit) covering d. The domain stays the definition;
-- packages/schema/src/report/sql-report.test.ts holds these to it on generated states. PL/pgSQL,
-- so each inner query is planned once per session instead of in every report statement. Derived
-- reads only: no table, nothing to audit.

-- The ward (or commune) at or above a unit on a day, the nearest first (enclosingWard). Null: none.
CREATE FUNCTION coso_report_ward_of(p_unit uuid, p_on date) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  result uuid;
BEGIN
  SELECT c.ancestor_id INTO result FROM unit_closure c
    JOIN administrative_units a ON a.id = c.ancestor_id AND a.kind IN ('WARD', 'COMMUNE')
   WHERE c.descendant_id = p_unit AND NOT c.after_end AND c.valid_from <= p_on AND (c.valid_to IS NULL OR p_on < c.valid_to)
   ORDER BY (SELECT count(*) FROM unit_closure c2
              WHERE c2.descendant_id = c.ancestor_id AND NOT c2.after_end
                AND c2.valid_from <= p_on AND (c2.valid_to IS NULL OR p_on < c2.valid_to)) DESC
   LIMIT 1;
  RETURN result;
END $$;

-- placeUnit: a unit that exists on p_to is placed as of p_to; one that no longer does, as of
-- p_fallback (when given and it existed then); else it is out. 'in' (ward_id: its ward, null when
-- in none), 'above' (it contains the scope) or 'out'.
CREATE FUNCTION coso_report_place_unit(p_scope uuid, p_unit uuid, p_to date, p_fallback date, OUT kind text, OUT ward_id uuid)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  d date;
BEGIN
  IF EXISTS (SELECT 1 FROM administrative_units u WHERE u.id = p_unit AND u.valid_from <= p_to AND (u.valid_to IS NULL OR p_to < u.valid_to)) THEN
    d := p_to;
  ELSIF p_fallback IS NOT NULL AND EXISTS (SELECT 1 FROM administrative_units u
          WHERE u.id = p_unit AND u.valid_from <= p_fallback AND (u.valid_to IS NULL OR p_fallback < u.valid_to)) THEN
    d := p_fallback;
  ELSE
    kind := 'out';
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor_id = p_scope AND c.descendant_id = p_unit AND NOT c.after_end
               AND c.valid_from <= d AND (c.valid_to IS NULL OR d < c.valid_to)) THEN
    kind := 'in';
    ward_id := coso_report_ward_of(p_unit, d);
  ELSIF EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor_id = p_unit AND c.descendant_id = p_scope AND NOT c.after_end
                  AND c.valid_from <= d AND (c.valid_to IS NULL OR d < c.valid_to)) THEN
    kind := 'above';
  ELSE
    kind := 'out';
  END IF;
END $$;

-- The residential group a board is filed under on a day (groupsOfBoard(board, d)[0]): its
-- building's group; for a complex board, the group of the complex's first building (by id)
-- standing that day, else of its first building; for a board with neither, the first group (by
-- id) it serves that day while it exists.
CREATE FUNCTION coso_report_board_group(p_board uuid, p_on date) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  o organizations%ROWTYPE;
  g uuid;
BEGIN
  SELECT * INTO o FROM organizations WHERE id = p_board;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF o.building_id IS NOT NULL THEN
    SELECT b.residential_group_id INTO g FROM apartment_buildings b WHERE b.id = o.building_id;
  ELSIF o.complex_id IS NOT NULL THEN
    SELECT b.residential_group_id INTO g FROM apartment_buildings b WHERE b.complex_id = o.complex_id
     ORDER BY (b.valid_from <= p_on AND (b.valid_to IS NULL OR p_on < b.valid_to)) DESC, b.id
     LIMIT 1;
  END IF;
  IF g IS NOT NULL THEN RETURN g; END IF;
  IF NOT (o.valid_from <= p_on AND (o.valid_to IS NULL OR p_on < o.valid_to)) THEN RETURN NULL; END IF;
  SELECT a.unit_id INTO g FROM organization_areas a
    JOIN administrative_units u ON u.id = a.unit_id AND u.kind = 'RESIDENTIAL_GROUP'
     AND u.valid_from <= p_on AND (u.valid_to IS NULL OR p_on < u.valid_to)
   WHERE a.organization_id = p_board AND a.valid_from <= p_on AND (a.valid_to IS NULL OR p_on < a.valid_to)
   ORDER BY a.unit_id
   LIMIT 1;
  RETURN g;
END $$;

-- placeBoard: the board's group on p_to (else on p_fallback), placed; 'unknown' when it has none.
CREATE FUNCTION coso_report_place_board(p_scope uuid, p_board uuid, p_to date, p_fallback date, OUT kind text, OUT ward_id uuid)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  g uuid := coso_report_board_group(p_board, p_to);
BEGIN
  IF g IS NULL AND p_fallback IS NOT NULL THEN g := coso_report_board_group(p_board, p_fallback); END IF;
  IF g IS NULL THEN
    kind := 'unknown';
    RETURN;
  END IF;
  SELECT pl.kind, pl.ward_id INTO kind, ward_id FROM coso_report_place_unit(p_scope, g, p_to, p_fallback) pl;
END $$;

-- placeOrganization: a board by its building; any other body by the places it serves on p_to (else
-- on p_fallback): the first, by id, of those in a ward, else the first by id. 'unknown' when it
-- serves none (or does not exist).
CREATE FUNCTION coso_report_place_organization(p_scope uuid, p_org uuid, p_to date, p_fallback date, OUT kind text, OUT ward_id uuid)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  o_kind text;
  d date := p_to;
  primary_unit uuid;
BEGIN
  SELECT o.kind::text INTO o_kind FROM organizations o WHERE o.id = p_org;
  IF o_kind IS NULL THEN
    kind := 'unknown';
    RETURN;
  END IF;
  IF o_kind = 'MANAGEMENT_BOARD' THEN
    SELECT pb.kind, pb.ward_id INTO kind, ward_id FROM coso_report_place_board(p_scope, p_org, p_to, p_fallback) pb;
    RETURN;
  END IF;
  IF p_fallback IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organization_areas a
       WHERE a.organization_id = p_org AND a.valid_from <= p_to AND (a.valid_to IS NULL OR p_to < a.valid_to)) THEN
    d := p_fallback;
  END IF;
  SELECT a.unit_id INTO primary_unit FROM organization_areas a
   WHERE a.organization_id = p_org AND a.valid_from <= d AND (a.valid_to IS NULL OR d < a.valid_to)
   ORDER BY coso_report_ward_of(a.unit_id, d) IS NULL, a.unit_id
   LIMIT 1;
  IF primary_unit IS NULL THEN
    kind := 'unknown';
    RETURN;
  END IF;
  SELECT pl.kind, pl.ward_id INTO kind, ward_id FROM coso_report_place_unit(p_scope, primary_unit, p_to, p_fallback) pl;
END $$;
