-- An upload's rows kept as rows (#14 item 7): written while the file is read, read back a chunk at a
-- time; the batch keeps its sheets' names and its last run's summary. Import bookkeeping, like
-- import_batches: no audit trigger (the records an import writes are audited one by one).

-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "last_run" JSONB,
ADD COLUMN     "sheets" TEXT[];

-- CreateTable
CREATE TABLE "import_rows" (
    "batch_id" UUID NOT NULL,
    "sheet" TEXT NOT NULL,
    "row_index" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,
    "action" TEXT,
    "record_id" UUID,
    "errors" JSONB,

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("batch_id","sheet","row_index")
);

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- coso: the batches uploaded before, their cells moved from the one JSON to rows
-- ({ sheets: [{ name, rows }] }, or before sheets were kept { rows }: one sheet named ''); a row with
-- no cell is not kept, as the reader keeps none.
WITH sheet AS (
  SELECT b.id, coalesce(s.value ->> 'name', '') AS name, s.value -> 'rows' AS rows, s.ord
  FROM "import_batches" b,
  LATERAL jsonb_array_elements(
    CASE WHEN b."cells" ? 'sheets' THEN b."cells" -> 'sheets'
         ELSE jsonb_build_array(jsonb_build_object('name', '', 'rows', coalesce(b."cells" -> 'rows', '[]'::jsonb)))
    END) WITH ORDINALITY AS s(value, ord)
), moved AS (
  INSERT INTO "import_rows" ("batch_id", "sheet", "row_index", "cells")
  SELECT sheet.id, sheet.name, (r.ord - 1)::int, r.value
  FROM sheet, LATERAL jsonb_array_elements(coalesce(sheet.rows, '[]'::jsonb)) WITH ORDINALITY AS r(value, ord)
  WHERE jsonb_typeof(r.value) = 'array' AND jsonb_array_length(r.value) > 0
)
UPDATE "import_batches" b
SET "sheets" = (SELECT coalesce(array_agg(sheet.name ORDER BY sheet.ord), '{}') FROM sheet WHERE sheet.id = b.id);

ALTER TABLE "import_batches" DROP COLUMN "cells";
