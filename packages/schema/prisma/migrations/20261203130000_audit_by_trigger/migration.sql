-- The audit trail and record versions kept by the database itself: every row inserted, updated or
-- deleted in a record table writes its audit entry (before and after), and every update of a row
-- with a version bumps it, whoever writes it (a mutation, a workflow, a reorganisation, the seed, a
-- bulk import, psql). The writer names itself per transaction with set_config (store/transaction.ts);
-- an unnamed writer is recorded as 'system'.

-- Which transaction wrote an entry: the gateway reads back what its transaction changed.
ALTER TABLE "audit_entries" ADD COLUMN "transaction_id" BIGINT;
CREATE INDEX "audit_entries_transaction_id_idx" ON "audit_entries"("transaction_id");

-- A row as the trail shows it: camelCase keys as the API names them; search keys, timestamps and
-- secrets left out.
CREATE FUNCTION coso_audit_json(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(left(k, 1) || substr(replace(initcap(k), '_', ''), 2), v), '{}'::jsonb)
  FROM jsonb_each(r) AS e(k, v)
  WHERE k NOT IN ('name_search', 'created_at', 'updated_at', 'password_hash')
$$;

-- TG_ARGV[0]: the entity type (the API's type name); TG_ARGV[1]: the column that identifies it.
CREATE FUNCTION coso_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN coso_audit_json(to_jsonb(OLD)) END;
  after_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN coso_audit_json(to_jsonb(NEW)) END;
BEGIN
  IF before_row IS NOT DISTINCT FROM after_row THEN RETURN NULL; END IF;
  INSERT INTO "audit_entries"
    ("account_id", "actor", "operation", "entity_type", "entity_id", "before", "after", "request_id", "transaction_id")
  VALUES (
    nullif(current_setting('coso.account_id', true), '')::uuid,
    coalesce(nullif(current_setting('coso.actor', true), ''), 'system'),
    coalesce(nullif(current_setting('coso.operation', true), ''), lower(TG_OP)),
    TG_ARGV[0],
    coalesce(to_jsonb(NEW), to_jsonb(OLD)) ->> TG_ARGV[1],
    before_row,
    after_row,
    nullif(current_setting('coso.request_id', true), ''),
    txid_current()
  );
  RETURN NULL;
END $$;

-- Optimistic concurrency: an updated row is a new version, whatever the statement set.
CREATE FUNCTION coso_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."version" := OLD."version" + 1;
  RETURN NEW;
END $$;

-- The one way to make a table a record table: its trail, and its versions when it has them. A new
-- table calls this in its migration; a test refuses a table that is neither audited nor a log.
CREATE FUNCTION coso_audit_table(tbl regclass, entity_type text, id_column text DEFAULT 'id') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER coso_audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION coso_audit_row(%L, %L)',
                 tbl, entity_type, id_column);
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attname = 'version' AND NOT attisdropped) THEN
    EXECUTE format('CREATE TRIGGER coso_version BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION coso_bump_version()', tbl);
  END IF;
END $$;

SELECT coso_audit_table('administrative_units', 'AdministrativeUnit');
SELECT coso_audit_table('unit_codes', 'UnitCode');
SELECT coso_audit_table('unit_parents', 'UnitParent');
SELECT coso_audit_table('organizations', 'Organization');
SELECT coso_audit_table('organization_parents', 'OrganizationParent');
SELECT coso_audit_table('organization_areas', 'OrganizationArea');
SELECT coso_audit_table('people', 'Person');
SELECT coso_audit_table('posts', 'Post');
SELECT coso_audit_table('memberships', 'Membership');
SELECT coso_audit_table('party_memberships', 'PartyMembership');
SELECT coso_audit_table('residence_contacts', 'ResidenceContact');
SELECT coso_audit_table('residence_contact_reviews', 'ResidenceContactReview');
SELECT coso_audit_table('apartment_buildings', 'ApartmentBuilding');
SELECT coso_audit_table('apartment_complexes', 'ApartmentComplex');
SELECT coso_audit_table('building_blocks', 'BuildingBlock');
SELECT coso_audit_table('apartments', 'Apartment');
SELECT coso_audit_table('apartment_ownerships', 'ApartmentOwnership');
SELECT coso_audit_table('board_terms', 'BoardTerm');
SELECT coso_audit_table('board_changes', 'BoardChange');
SELECT coso_audit_table('directives', 'Directive');
SELECT coso_audit_table('implementation_reviews', 'ImplementationReview');
SELECT coso_audit_table('presentations', 'Presentation');
SELECT coso_audit_table('commendations', 'Commendation');
SELECT coso_audit_table('nominations', 'Nomination');
SELECT coso_audit_table('trainings', 'Training');
SELECT coso_audit_table('training_attendances', 'TrainingAttendance');
SELECT coso_audit_table('petitions', 'Petition');
SELECT coso_audit_table('petition_status_changes', 'PetitionStatusChange');
SELECT coso_audit_table('coordination_regulations', 'CoordinationRegulation');
SELECT coso_audit_table('coordination_regulation_events', 'CoordinationRegulationEvent');
SELECT coso_audit_table('reorganisation_events', 'ReorganisationEvent');
-- A link of an event to a place belongs to the event's history.
SELECT coso_audit_table('reorganisation_units', 'ReorganisationEvent', 'event_id');
SELECT coso_audit_table('accounts', 'Account');
