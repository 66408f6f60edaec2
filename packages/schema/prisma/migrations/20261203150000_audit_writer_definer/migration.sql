-- The audit trail is written with its owner's rights (issue #12). On a PostgreSQL server the
-- gateway connects as a lesser role that owns nothing (`coso db roles`): it may read the trail but
-- not write it, so an entry can only come from a changed row, never from a forged INSERT. The
-- function's search_path is fixed (public, then pg_temp last), so no object the invoking session
-- makes, a temporary table included, can stand in for the trail.
ALTER FUNCTION coso_audit_row() SECURITY DEFINER SET search_path = public, pg_temp;

-- Triggers are attached by the owner in migrations; nobody else needs to call these.
REVOKE ALL ON FUNCTION coso_audit_row() FROM PUBLIC;
REVOKE ALL ON FUNCTION coso_audit_table(regclass, text, text) FROM PUBLIC;
