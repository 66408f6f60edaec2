-- coso: a territorial viewer's list reads its territory's units as of a day (ancestor_id = scope,
-- valid_from <= day, valid_to NULL or after it) once per list and once per count. The primary key
-- (ancestor, descendant, valid_from) finds the scope's rows but leaves valid_to to the table, so
-- PostgreSQL read the table for each set (twice in a district officer's units list), or at one
-- district scanned the whole closure. With the dates and the descendant in the index the set is
-- read from the index alone: the officer's units statement at one district 0.70–1.04 → 0.56–0.57 ms
-- (tests/bench/README.md, 2026-12-05).

-- CreateIndex
CREATE INDEX "unit_closure_ancestor_id_valid_from_valid_to_descendant_id_idx" ON "unit_closure"("ancestor_id", "valid_from", "valid_to", "descendant_id");
