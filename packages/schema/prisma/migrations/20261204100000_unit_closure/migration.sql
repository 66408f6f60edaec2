-- CreateTable
CREATE TABLE "unit_closure" (
    "ancestor_id" UUID NOT NULL,
    "descendant_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "after_end" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "unit_closure_pkey" PRIMARY KEY ("ancestor_id","descendant_id","valid_from")
);

-- CreateIndex
CREATE INDEX "unit_closure_descendant_id_ancestor_id_idx" ON "unit_closure"("descendant_id", "ancestor_id");

-- AddForeignKey
ALTER TABLE "unit_closure" ADD CONSTRAINT "unit_closure_ancestor_id_fkey" FOREIGN KEY ("ancestor_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_closure" ADD CONSTRAINT "unit_closure_descendant_id_fkey" FOREIGN KEY ("descendant_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- coso: territory as data (#13). unit_closure holds, for every unit, the units at or above it
-- over time, so "x lies within scope S as of d" is one indexed lookup instead of a walk of every
-- unit and parent link. It is derived, never entered: a statement trigger on unit_parents (and on
-- the units' own periods) rebuilds it inside the writing transaction, so every writer — the API,
-- a reorganisation, the seed, psql — keeps it right. Same semantics as the domain's
-- PlaceHierarchy (rows with after_end = false): a child is below its parent while the link holds and both exist; a path's
-- period is the intersection of its links' periods; cycles are cut as the domain cuts them.
CREATE FUNCTION coso_rebuild_unit_closure() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- One rebuild at a time: a second writer waits here, then rebuilds from what the first committed
  -- (each statement below takes a fresh snapshot under READ COMMITTED).
  PERFORM pg_advisory_xact_lock(hashtext('coso_unit_closure'));
  DELETE FROM unit_closure;
  INSERT INTO unit_closure (ancestor_id, descendant_id, valid_from, valid_to, after_end)
  WITH RECURSIVE edge AS (
    SELECT p.parent_id AS ancestor_id, p.unit_id AS descendant_id,
           GREATEST(p.valid_from, u.valid_from, a.valid_from) AS valid_from,
           LEAST(COALESCE(p.valid_to, 'infinity'::date), COALESCE(u.valid_to, 'infinity'::date), COALESCE(a.valid_to, 'infinity'::date)) AS valid_to
    FROM unit_parents p JOIN administrative_units u ON u.id = p.unit_id JOIN administrative_units a ON a.id = p.parent_id
  ), path AS (
    SELECT ancestor_id, descendant_id, valid_from, valid_to, ARRAY[descendant_id, ancestor_id] AS seen
    FROM edge WHERE valid_from < valid_to AND ancestor_id <> descendant_id
    UNION ALL
    SELECT e.ancestor_id, p.descendant_id, GREATEST(p.valid_from, e.valid_from), LEAST(p.valid_to, e.valid_to), p.seen || e.ancestor_id
    FROM path p JOIN edge e ON e.descendant_id = p.ancestor_id
    WHERE GREATEST(p.valid_from, e.valid_from) < LEAST(p.valid_to, e.valid_to) AND e.ancestor_id <> ALL (p.seen)
  )
  SELECT ancestor_id, descendant_id, valid_from, NULLIF(valid_to, 'infinity'::date), false FROM path
  UNION ALL
  SELECT id, id, valid_from, valid_to, false FROM administrative_units WHERE valid_to IS NULL OR valid_from < valid_to
  UNION ALL
  -- A unit that has ended stays, from its end on, within what held it on its last day (the path
  -- that ends when the unit does): access keeps it in that staff's territory.
  SELECT p.ancestor_id, p.descendant_id, p.valid_to, NULL, true
  FROM path p JOIN administrative_units d ON d.id = p.descendant_id WHERE p.valid_to = d.valid_to;
END $$;

CREATE FUNCTION coso_unit_closure_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM coso_rebuild_unit_closure();
  RETURN NULL;
END $$;

CREATE TRIGGER coso_unit_closure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_parents"
  FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_changed();
CREATE TRIGGER coso_unit_closure AFTER INSERT OR UPDATE OF "valid_from", "valid_to" OR DELETE ON "administrative_units"
  FOR EACH STATEMENT EXECUTE FUNCTION coso_unit_closure_changed();

-- Backfill: the closure of the units already stored.
SELECT coso_rebuild_unit_closure();
