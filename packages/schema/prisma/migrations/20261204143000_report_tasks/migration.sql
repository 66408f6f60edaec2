-- CreateTable
CREATE TABLE "report_tasks" (
    "id" UUID NOT NULL,
    "directive_id" UUID NOT NULL,
    "scope_unit_id" UUID NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "report_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_tasks_scope_unit_id_idx" ON "report_tasks"("scope_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_tasks_directive_id_scope_unit_id_period_from_period__key" ON "report_tasks"("directive_id", "scope_unit_id", "period_from", "period_to");

-- AddForeignKey
ALTER TABLE "report_tasks" ADD CONSTRAINT "report_tasks_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_tasks" ADD CONSTRAINT "report_tasks_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- coso: every record table is audited and versioned by the database (a log table is listed in
-- LOG_MODELS, packages/schema/src/entities/definitions.ts, instead).
SELECT coso_audit_table('report_tasks', 'ReportTasks');
