-- coso: the unit closure, refreshed where a statement can change it (#13). The first version
-- (migration unit_closure) rebuilt the whole closure on every write to unit_parents or to a unit's
-- period: 1.7–2.0 s per statement at 30 districts, serialised. A closure row depends only on the
-- links and unit periods on the paths above its descendant, so a statement can change only the rows
-- whose descendant is a touched unit (the child of a link it inserts, deletes or changes; a unit it
-- inserts, deletes or re-dates) or lies below one. "Below" is walked down the links as they now
-- stand, whatever their periods: an old path from d through a change runs, up to the lowest touched
-- unit t on it, over links the statement did not change, so it still leads from t down to d; a new
-- path does by definition. That set's rows are deleted and recomputed with the very query of
-- coso_rebuild_unit_closure (same periods, after_end rows, cycle cut), seeded with its descendants.
-- Statement triggers read the changed rows from transition tables; PostgreSQL allows those only on
-- a trigger with one event and no column list, hence one trigger per event, and an UPDATE of a
-- unit's name finds no changed period and returns at once. TRUNCATE has no transition table: it
-- rebuilds the whole closure as before.

CREATE OR REPLACE FUNCTION coso_refresh_unit_closure(touched uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  affected uuid[];
BEGIN
  IF touched IS NULL OR cardinality(touched) = 0 THEN
    RETURN;
  END IF;
  -- Writers still take turns, as with the whole rebuild: the walk below is a new statement, so under
  -- READ COMMITTED it sees the links a writer that held the lock before committed (a link it added
  -- above a touched unit, or below it), and no refresh works from a state another one is changing.
  PERFORM pg_advisory_xact_lock(hashtext('coso_unit_closure'));
  WITH RECURSIVE below(id) AS (
    SELECT DISTINCT t FROM unnest(touched) AS t
    UNION
    SELECT p.unit_id FROM unit_parents p JOIN below b ON p.parent_id = b.id
  )
  SELECT array_agg(id) INTO affected FROM below;

  DELETE FROM unit_closure WHERE descendant_id = ANY (affected);
  INSERT INTO unit_closure (ancestor_id, descendant_id, valid_from, valid_to, after_end)
  WITH RECURSIVE path AS (
    SELECT p.parent_id AS ancestor_id, p.unit_id AS descendant_id,
           GREATEST(p.valid_from, u.valid_from, a.valid_from) AS valid_from,
           LEAST(COALESCE(p.valid_to, 'infinity'::date), COALESCE(u.valid_to, 'infinity'::date), COALESCE(a.valid_to, 'infinity'::date)) AS valid_to,
           ARRAY[p.unit_id, p.parent_id] AS seen
    FROM unit_parents p JOIN administrative_units u ON u.id = p.unit_id JOIN administrative_units a ON a.id = p.parent_id
    WHERE p.unit_id = ANY (affected) AND p.parent_id <> p.unit_id
      AND GREATEST(p.valid_from, u.valid_from, a.valid_from)
        < LEAST(COALESCE(p.valid_to, 'infinity'::date), COALESCE(u.valid_to, 'infinity'::date), COALESCE(a.valid_to, 'infinity'::date))
    UNION ALL
    SELECT e.parent_id, path.descendant_id,
           GREATEST(path.valid_from, e.valid_from, u.valid_from, a.valid_from),
           LEAST(path.valid_to, COALESCE(e.valid_to, 'infinity'::date), COALESCE(u.valid_to, 'infinity'::date), COALESCE(a.valid_to, 'infinity'::date)),
           path.seen || e.parent_id
    FROM path JOIN unit_parents e ON e.unit_id = path.ancestor_id
      JOIN administrative_units u ON u.id = e.unit_id JOIN administrative_units a ON a.id = e.parent_id
    WHERE GREATEST(path.valid_from, e.valid_from, u.valid_from, a.valid_from)
        < LEAST(path.valid_to, COALESCE(e.valid_to, 'infinity'::date), COALESCE(u.valid_to, 'infinity'::date), COALESCE(a.valid_to, 'infinity'::date))
      AND e.parent_id <> ALL (path.seen)
  )
  SELECT ancestor_id, descendant_id, valid_from, NULLIF(valid_to, 'infinity'::date), false FROM path
  UNION ALL
  SELECT id, id, valid_from, valid_to, false FROM administrative_units
  WHERE id = ANY (affected) AND (valid_to IS NULL OR valid_from < valid_to)
  UNION ALL
  -- As in the whole rebuild: an ended unit stays, from its end on, within what held it on its last day.
  SELECT path.ancestor_id, path.descendant_id, path.valid_to, NULL, true
  FROM path JOIN administrative_units d ON d.id = path.descendant_id WHERE path.valid_to = d.valid_to;
END $$;

-- unit_parents: the children of the links a statement inserted, deleted or changed (a row in one
-- transition table and not, identically, in the other; an UPDATE that changes no column of the
-- link, e.g. the version alone, touches nothing).
CREATE OR REPLACE FUNCTION coso_unit_closure_links_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(SELECT unit_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(SELECT unit_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(
      SELECT unit_id FROM (
        (SELECT id, unit_id, parent_id, valid_from, valid_to FROM new_rows
         EXCEPT SELECT id, unit_id, parent_id, valid_from, valid_to FROM old_rows)
        UNION
        (SELECT id, unit_id, parent_id, valid_from, valid_to FROM old_rows
         EXCEPT SELECT id, unit_id, parent_id, valid_from, valid_to FROM new_rows)
      ) changed));
  ELSE
    PERFORM coso_rebuild_unit_closure();
  END IF;
  RETURN NULL;
END $$;

-- administrative_units: the units a statement inserted or deleted, or whose period (or id) it changed.
CREATE OR REPLACE FUNCTION coso_unit_closure_units_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(SELECT id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM coso_refresh_unit_closure(ARRAY(
      SELECT id FROM (
        (SELECT id, valid_from, valid_to FROM new_rows EXCEPT SELECT id, valid_from, valid_to FROM old_rows)
        UNION
        (SELECT id, valid_from, valid_to FROM old_rows EXCEPT SELECT id, valid_from, valid_to FROM new_rows)
      ) changed));
  ELSE
    PERFORM coso_rebuild_unit_closure();
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER coso_unit_closure ON "unit_parents";
DROP TRIGGER coso_unit_closure ON "administrative_units";
DROP FUNCTION coso_unit_closure_changed();

CREATE TRIGGER coso_unit_closure_insert AFTER INSERT ON "unit_parents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_links_changed();
CREATE TRIGGER coso_unit_closure_update AFTER UPDATE ON "unit_parents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_links_changed();
CREATE TRIGGER coso_unit_closure_delete AFTER DELETE ON "unit_parents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_links_changed();
CREATE TRIGGER coso_unit_closure_truncate AFTER TRUNCATE ON "unit_parents"
  FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_links_changed();

CREATE TRIGGER coso_unit_closure_insert AFTER INSERT ON "administrative_units"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_units_changed();
CREATE TRIGGER coso_unit_closure_update AFTER UPDATE ON "administrative_units"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_units_changed();
CREATE TRIGGER coso_unit_closure_delete AFTER DELETE ON "administrative_units"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_units_changed();
