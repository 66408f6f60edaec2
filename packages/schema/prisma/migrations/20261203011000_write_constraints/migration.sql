-- The rules the write side states, held by the database too, so concurrent writes (two gateways,
-- parallel requests) cannot both pass a read-then-insert check. Each constraint is named; the
-- gateway maps a violation to its rule code by that name (store/constraint-rules.ts).

-- coso: what Prisma cannot express ───────────────────────────────────────────

-- One management board per building, and per complex, at a time (BOARD_ONE_PER_BUILDING).
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_one_board_per_building"
  EXCLUDE USING gist ("building_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&)
  WHERE ("kind" = 'MANAGEMENT_BOARD' AND "building_id" IS NOT NULL);
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_one_board_per_complex"
  EXCLUDE USING gist ("complex_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&)
  WHERE ("kind" = 'MANAGEMENT_BOARD' AND "complex_id" IS NOT NULL);

-- One holder at a time of a body's head's or secretary's seat (POST_ONE_HOLDER). The seats are the
-- domain's SINGLE_HOLDER_SEATS (an interim head sits in the head's seat); a test compares them.
CREATE FUNCTION coso_single_holder_seat(r "Role") RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE r WHEN 'HEAD' THEN 'HEAD' WHEN 'INTERIM_HEAD' THEN 'HEAD' WHEN 'SECRETARY' THEN 'SECRETARY' END
$$;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_one_holder_per_seat"
  EXCLUDE USING gist (
    "organization_id" WITH =,
    coso_single_holder_seat("role") WITH =,
    daterange("valid_from", "valid_to", '[)') WITH &&
  ) WHERE (coso_single_holder_seat("role") IS NOT NULL);

-- A membership lies within the life of its body and of its post (MEMBERSHIP_WITHIN_BODY). Checked
-- at commit, so a transaction that ends a body and its memberships together is judged as a whole;
-- each check reads the rows as they stand then (a row queued for checking may have changed since).
-- A violation reads like PostgreSQL's own, naming the constraint the gateway maps to its rule.
CREATE FUNCTION coso_membership_within_life() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m "memberships"%ROWTYPE;
BEGIN
  SELECT * INTO m FROM "memberships" WHERE "id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = m."organization_id"
               AND NOT daterange(o."valid_from", o."valid_to", '[)') @> daterange(m."valid_from", m."valid_to", '[)')) THEN
    RAISE EXCEPTION 'new row for relation "memberships" violates check constraint "memberships_within_body_life"'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'memberships_within_body_life',
            DETAIL = format('coso: membership %s lies outside the life of its body', m."id");
  END IF;
  IF m."post_id" IS NOT NULL AND EXISTS (SELECT 1 FROM "posts" p WHERE p."id" = m."post_id"
               AND NOT daterange(p."valid_from", p."valid_to", '[)') @> daterange(m."valid_from", m."valid_to", '[)')) THEN
    RAISE EXCEPTION 'new row for relation "memberships" violates check constraint "memberships_within_post_life"'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'memberships_within_post_life',
            DETAIL = format('coso: membership %s lies outside the life of its post', m."id");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "memberships_within_body_life" AFTER INSERT OR UPDATE ON "memberships"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coso_membership_within_life();

-- A body whose life changes keeps its memberships inside it (an index on organization_id serves it).
CREATE FUNCTION coso_body_covers_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  life daterange;
BEGIN
  SELECT daterange(o."valid_from", o."valid_to", '[)') INTO life FROM "organizations" o WHERE o."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM "memberships" m WHERE m."organization_id" = NEW."id"
               AND NOT life @> daterange(m."valid_from", m."valid_to", '[)')) THEN
    RAISE EXCEPTION 'row of relation "organizations" violates check constraint "organizations_cover_memberships"'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_cover_memberships',
            DETAIL = format('coso: body %s would leave memberships outside its life', NEW."id");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "organizations_cover_memberships" AFTER UPDATE OF "valid_from", "valid_to" ON "organizations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coso_body_covers_memberships();

-- The same for a post.
CREATE FUNCTION coso_post_covers_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  life daterange;
BEGIN
  SELECT daterange(p."valid_from", p."valid_to", '[)') INTO life FROM "posts" p WHERE p."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM "memberships" m WHERE m."post_id" = NEW."id"
               AND NOT life @> daterange(m."valid_from", m."valid_to", '[)')) THEN
    RAISE EXCEPTION 'row of relation "posts" violates check constraint "posts_cover_memberships"'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'posts_cover_memberships',
            DETAIL = format('coso: post %s would leave memberships outside its life', NEW."id");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "posts_cover_memberships" AFTER UPDATE OF "valid_from", "valid_to" ON "posts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coso_post_covers_memberships();
