// Two database roles (README "Database roles"):
// - the owner (migrator) owns the event store schema and runs its DDL, over a connection opened only for that;
// - the service role (DATABASE_URL) does the processes' work. On the event store it may SELECT and call the
//   append functions (SECURITY DEFINER), through membership of the NOLOGIN group role kinerja_app: no INSERT,
//   UPDATE, DELETE or TRUNCATE, no DDL, not the owner, so it cannot disable the immutability trigger either.
// Read models are derived and rebuildable, and the projector creates generation schemas at run time (rebuilds,
// version bumps): the service role owns them. It gets CREATE on the database (the rm_* generation schemas) and
// on the public schema (projection bookkeeping, inbox read marks), never on the event store schema.
import type pg from 'pg';
import { APP_ROLE } from '../../event-store/src/postgres/names.js';
import { runLockedMigration } from '../../event-store/src/postgres/migrate.js';

export interface ServiceRole {
  name: string;
  superuser: boolean;
}

/** Who the service connection really is (the URL's user, or PGUSER, or whatever the server mapped it to). */
export async function serviceRoleOf(pool: pg.Pool): Promise<ServiceRole> {
  const { rows } = await pool.query<{ name: string; superuser: boolean }>(
    'SELECT current_user AS name, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  return rows[0];
}

/**
 * Run as the owner after its migrations: gives the service role its rights, takes the event store back from it
 * if a single-credential past left it the owner, and hands it the read-model objects the owner created before
 * (an existing database, or data directory, that ran with one role). Idempotent, one transaction.
 */
export async function grantServiceRole(
  ownerPool: pg.Pool,
  serviceRole: string,
  options: { eventStoreSchema?: string } = {},
): Promise<void> {
  await runLockedMigration(ownerPool, 'database-roles', grantSql(serviceRole, options.eventStoreSchema));
}

function grantSql(serviceRole: string, eventStoreSchema: string | undefined): string {
  const service = literal(serviceRole);
  const store = eventStoreSchema === undefined ? 'NULL' : literal(eventStoreSchema);
  return `
DO $do$
DECLARE
  v_service text := ${service};
  v_store text := ${store};
  v_owner oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
  v_service_oid oid := (SELECT oid FROM pg_roles WHERE rolname = ${service});
  r record;
BEGIN
  IF v_service_oid IS NULL THEN
    RAISE EXCEPTION 'service role % does not exist', v_service USING ERRCODE = '42704';
  END IF;
  IF v_service_oid = v_owner THEN
    RAISE EXCEPTION 'the service role % is the migrating role itself: use two roles', v_service
      USING ERRCODE = '42501';
  END IF;

  EXECUTE format('GRANT CONNECT, TEMPORARY, CREATE ON DATABASE %I TO %I', current_database(), v_service);
  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', v_service);

  IF v_store IS NOT NULL THEN
    -- A service role that owns anything in the event store could disable the trigger: the owner takes it back.
    IF (SELECT nspowner FROM pg_namespace WHERE nspname = v_store) = v_service_oid THEN
      EXECUTE format('ALTER SCHEMA %I OWNER TO %I', v_store, current_user);
    END IF;
    FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = v_store AND c.relkind IN ('r', 'p') AND c.relowner = v_service_oid LOOP
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', v_store, r.relname, current_user);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = v_store AND p.proowner = v_service_oid LOOP
      EXECUTE format('ALTER FUNCTION %s OWNER TO %I', r.fn, current_user);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      RAISE EXCEPTION 'role ${APP_ROLE} is missing: the migrating role needs CREATEROLE (or create it NOLOGIN)'
        USING ERRCODE = '42704';
    END IF;
    EXECUTE format('GRANT ${APP_ROLE} TO %I', v_service);
    -- Rights granted straight to the service role (by hand, or an older version) would bypass the group role.
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', v_store, v_service);
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', v_store, v_service);
  END IF;

  -- Read-model objects the owner created before there were two roles: the service role takes them over.
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rm\\_%' AND nspowner = v_owner LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, v_service);
  END LOOP;
  FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE (n.nspname = 'public' OR n.nspname LIKE 'rm\\_%') AND c.relkind IN ('r', 'p', 'v', 'm')
              AND c.relowner = v_owner LOOP
    EXECUTE format('ALTER %s %I.%I OWNER TO %I',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      r.nspname, r.relname, v_service);
  END LOOP;
END;
$do$;
`;
}

// A role name in a SQL string literal (the DO block has no parameters); format(%I) quotes it where it is used.
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
