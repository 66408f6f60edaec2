-- CreateTable
CREATE TABLE "import_batches" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "account_id" UUID,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cells" JSONB NOT NULL,
    "header_row" INTEGER,
    "mapping" JSONB,
    "row_count" INTEGER NOT NULL,
    "results" JSONB,
    "transaction_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_source_keys" (
    "source" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "record_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,

    CONSTRAINT "import_source_keys_pkey" PRIMARY KEY ("source","entity_type","key")
);

-- CreateIndex
CREATE INDEX "import_batches_account_id_created_at_idx" ON "import_batches"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "import_source_keys_record_id_idx" ON "import_source_keys"("record_id");

-- AddForeignKey
ALTER TABLE "import_source_keys" ADD CONSTRAINT "import_source_keys_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
