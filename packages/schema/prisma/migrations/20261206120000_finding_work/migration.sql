-- CreateEnum
CREATE TYPE "FindingWorkState" AS ENUM ('OPEN', 'RESOLVED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "finding_work" (
    "id" UUID NOT NULL,
    "finding_key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "entity_name" TEXT NOT NULL,
    "ward_id" UUID NOT NULL,
    "ward_name" TEXT NOT NULL,
    "message_vi" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "assignee_unit_id" UUID,
    "assignee_person_id" UUID,
    "due_on" DATE,
    "state" "FindingWorkState" NOT NULL DEFAULT 'OPEN',
    "resolved_by" TEXT,
    "resolved_on" DATE,
    "resolution" TEXT,
    "closed_automatically" BOOLEAN NOT NULL DEFAULT false,
    "closed_by_transaction_id" BIGINT,
    "closed_by_operation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "finding_work_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "finding_work_ward_id_state_idx" ON "finding_work"("ward_id", "state");

-- CreateIndex
CREATE INDEX "finding_work_assignee_unit_id_idx" ON "finding_work"("assignee_unit_id");

-- CreateIndex
CREATE INDEX "finding_work_assignee_person_id_idx" ON "finding_work"("assignee_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "finding_work_finding_key_key" ON "finding_work"("finding_key");

-- AddForeignKey
ALTER TABLE "finding_work" ADD CONSTRAINT "finding_work_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_work" ADD CONSTRAINT "finding_work_assignee_unit_id_fkey" FOREIGN KEY ("assignee_unit_id") REFERENCES "administrative_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_work" ADD CONSTRAINT "finding_work_assignee_person_id_fkey" FOREIGN KEY ("assignee_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- coso: every record table is audited and versioned by the database (a log table is listed in
-- LOG_MODELS, packages/schema/src/entities/definitions.ts, instead).
SELECT coso_audit_table('finding_work', 'FindingWork');
