-- A stored import's runs claim their batch (#14): the run holding run_id alone writes the rows'
-- outcomes and last_run, and says it is alive in run_seen_at (a crashed run's claim goes stale).
-- An import reads back only the audit entries each chunk wrote (those after the last it read):
-- the transaction's index, led by it, also ordered by entry.

-- DropIndex
DROP INDEX "audit_entries_transaction_id_idx";

-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "run_id" UUID,
ADD COLUMN     "run_seen_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "audit_entries_transaction_id_id_idx" ON "audit_entries"("transaction_id", "id");
