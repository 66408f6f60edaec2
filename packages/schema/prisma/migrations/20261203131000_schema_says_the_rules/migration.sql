-- What the rules say, the tables say too.

-- A board's term has a planned end (3 years by law; BOARD_TERM_LENGTH needs it).
ALTER TABLE "board_terms" ALTER COLUMN "valid_to" SET NOT NULL;

-- coso: what Prisma cannot express ───────────────────────────────────────────

-- A commendation names its kind's recipient, and only that one: a body for a collective, a
-- person for an individual (the report counts recipients).
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_recipient_matches_kind" CHECK (
  ("kind" = 'COLLECTIVE' AND "recipient_organization_id" IS NOT NULL AND "recipient_person_id" IS NULL)
  OR ("kind" = 'INDIVIDUAL' AND "recipient_person_id" IS NOT NULL AND "recipient_organization_id" IS NULL)
);
