-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "locked_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "login_throttles" (
    "kind" TEXT NOT NULL,
    "username" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3),
    "known_since" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("kind","username","address")
);

-- CreateIndex
CREATE INDEX "login_throttles_username_idx" ON "login_throttles"("username");

-- coso: what Prisma cannot express ───────────────────────────────────────────
-- Only the three kinds of counter exist; an account counter holds no address, an address counter no username.
ALTER TABLE "login_throttles" ADD CONSTRAINT "login_throttles_kind_key" CHECK (
  "kind" = 'pair'
  OR ("kind" = 'account' AND "address" = '')
  OR ("kind" = 'address' AND "username" = '')
);
ALTER TABLE "login_throttles" ADD CONSTRAINT "login_throttles_failures_check" CHECK ("failures" >= 0);
-- Places that already signed in to an account are known places from the start.
INSERT INTO "login_throttles" ("kind", "username", "address", "known_since")
SELECT 'pair', "username", "address", min("at") FROM "login_attempts"
 WHERE "succeeded" AND "username" <> '' AND "address" <> ''
 GROUP BY "username", "address";
