-- coso: people search that scales (#13 item 4). Searches match each folded word anywhere in the
-- folded name (`name_search LIKE '%word%'`); a trigram GIN index serves that for any word of three
-- letters or more, where a b-tree cannot. pg_trgm is a trusted extension shipped with PostgreSQL
-- (Debian's packages and the embedded-postgres package alike): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every table with a folded name gets one, so every name search is served alike.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables x ON x.table_schema = c.table_schema AND x.table_name = c.table_name AND x.table_type = 'BASE TABLE'
           WHERE c.table_schema = current_schema() AND c.column_name = 'name_search' ORDER BY c.table_name
  LOOP
    EXECUTE format('CREATE INDEX %I ON %I USING gin (name_search gin_trgm_ops)', t || '_name_search_trgm', t);
  END LOOP;
END $$;
