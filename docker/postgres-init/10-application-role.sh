#!/bin/sh
# Runs once, when the postgres container creates its database (/docker-entrypoint-initdb.d). The container's
# POSTGRES_USER is the migration role that owns the database and its tables (ZHIFA_DB_MIGRATION_USER); this adds the
# role the application logs in as, which owns no table (docs/case-register.md, docs/operations.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set app_user="$ZHIFA_DB_USER" --set app_password="$ZHIFA_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
-- the engine creates its ACT_ tables as the application's role (docs/operations.md, first installation)
GRANT USAGE, CREATE ON SCHEMA public TO :"app_user";
SQL
