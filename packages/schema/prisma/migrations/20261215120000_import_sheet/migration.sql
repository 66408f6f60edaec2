-- The sheet of a workbook an import batch reads (#14: the user chooses among the file's sheets).
-- import_batches is the import's log of uploads, not records users enter: no audit trigger.
ALTER TABLE "import_batches" ADD COLUMN "sheet" TEXT;
