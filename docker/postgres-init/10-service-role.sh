#!/bin/sh
# Runs once, when the postgres container initialises an empty volume (docker-entrypoint-initdb.d). Creates the
# login role the api and projector work as (DATABASE_URL). POSTGRES_USER stays the owner: it runs the
# migrations (the api's MIGRATION_DATABASE_URL) and grants the rest on start (README "Database roles").
# The rights on the database and its public schema are granted here too, so the projector may start first.
# No `set -u`: the image sources a script that is not executable, and the option would leak into its entrypoint.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v service_password="$KINERJA_SERVICE_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE kinerja_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'service_password';
GRANT CONNECT, TEMPORARY, CREATE ON DATABASE :"db" TO kinerja_service;
GRANT USAGE, CREATE ON SCHEMA public TO kinerja_service;
SQL
