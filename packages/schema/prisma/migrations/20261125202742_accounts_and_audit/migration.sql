-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('SYSTEM_ADMIN', 'DISTRICT_STAFF', 'WARD_STAFF', 'ANALYST', 'VIEWER');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "AccountRole" NOT NULL,
    "scope_unit_id" UUID,
    "party_organisation" BOOLEAN NOT NULL DEFAULT false,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "address" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "account_id" UUID,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_data_reads" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "account_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "request_id" TEXT,

    CONSTRAINT "personal_data_reads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_username_key" ON "accounts"("username");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_account_id_idx" ON "sessions"("account_id");

-- CreateIndex
CREATE INDEX "login_attempts_username_at_idx" ON "login_attempts"("username", "at");

-- CreateIndex
CREATE INDEX "login_attempts_address_at_idx" ON "login_attempts"("address", "at");

-- CreateIndex
CREATE INDEX "audit_entries_entity_id_at_idx" ON "audit_entries"("entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_entries_account_id_at_idx" ON "audit_entries"("account_id", "at");

-- CreateIndex
CREATE INDEX "personal_data_reads_person_id_at_idx" ON "personal_data_reads"("person_id", "at");

-- CreateIndex
CREATE INDEX "personal_data_reads_account_id_at_idx" ON "personal_data_reads"("account_id", "at");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "administrative_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- coso: what Prisma cannot express ───────────────────────────────────────────

-- The audit trail and the personal-data read log are append-only: no one, not even the
-- application's own role, can alter or remove an entry.
CREATE FUNCTION coso_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'coso: % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION coso_refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION coso_refuse_change();
CREATE TRIGGER personal_data_reads_append_only BEFORE UPDATE OR DELETE ON "personal_data_reads" FOR EACH ROW EXECUTE FUNCTION coso_refuse_change();
CREATE TRIGGER personal_data_reads_no_truncate BEFORE TRUNCATE ON "personal_data_reads" FOR EACH STATEMENT EXECUTE FUNCTION coso_refuse_change();

ALTER TABLE "accounts" ADD CONSTRAINT "accounts_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
-- Territorial staff have a territory; the others read everything (masked as their role says).
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_scope" CHECK (("role" IN ('DISTRICT_STAFF', 'WARD_STAFF')) = ("scope_unit_id" IS NOT NULL));
