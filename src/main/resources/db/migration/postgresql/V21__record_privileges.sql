-- Flyway runs as the migration role that owns the tables (ZHIFA_DB_MIGRATION_USER); the application logs in as
-- another role (${zhifa_app_role}) and gets only what it needs. On the record that is SELECT and INSERT on its
-- entries and SELECT, INSERT and UPDATE on the chain heads: not being the owner it cannot ALTER the tables or
-- DISABLE their triggers, and it cannot UPDATE, DELETE or TRUNCATE an entry.
-- When both are the same role (H2-like demo setups on PostgreSQL) there is nothing to grant; the application warns
-- at start (prod refuses).
DO $$
DECLARE
    app  text := '${zhifa_app_role}';
    item record;
BEGIN
    IF app = current_user THEN
        RAISE NOTICE 'The application role is the migration role %: no separate privileges', app;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'The application role % does not exist (see docs/case-register.md)', app;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app AND rolsuper) OR pg_has_role(app, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'The application role % is a superuser or a member of the migration role %', app, current_user;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    -- every other table and sequence of the migrations: plain data access
    FOR item IN SELECT tablename FROM pg_tables
                WHERE schemaname = current_schema() AND tableowner = current_user
                  AND tablename NOT IN ('flyway_schema_history', 'case_record_entry', 'case_record_head') LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', item.tablename, app);
    END LOOP;
    FOR item IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'S' AND n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = current_user
                  AND c.relname NOT LIKE 'flyway%' LOOP
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO %I', item.relname, app);
    END LOOP;
    -- which migrations ran may be read, not changed
    EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', app);
    -- tables of later migrations get the same; a migration that needs less revokes it
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
        current_schema(), app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
        current_schema(), app);

    -- the record: append and read, nothing else
    EXECUTE format('REVOKE ALL ON case_record_entry, case_record_head FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON case_record_entry TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON case_record_head TO %I', app);
END
$$;
