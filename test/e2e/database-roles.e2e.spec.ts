// Least privilege (README "Database roles"): the API works as a login role that may read the event store and
// call its append function, nothing more; the owner's connection is used to migrate and then closed. Real
// PostgreSQL, the real API (startApi, as `npm start` runs it); the owner here is the test server's superuser.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApi, type RunningApi } from '../../apps/api/src/start-api.js';
import { createMigrateCommand } from '../../apps/cli/src/commands/migrate.js';
import { createRebuildProjectionsCommand } from '../../apps/cli/src/commands/rebuild-projections.js';
import { projections } from '../../libs/read-models/src/registry.js';
import { issueDevToken, loadOrCreateDevKey, Role } from '../../libs/auth/src/index.js';
import { loadConfig } from '../../libs/config/src/config.js';
import type { EventMetadata } from '../../libs/event-store/src/port.js';
import { APP_ROLE } from '../../libs/event-store/src/postgres/names.js';
import { migrateDatabase, openInfrastructure } from '../../libs/runtime/src/infrastructure.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const INSUFFICIENT_PRIVILEGE = '42501';
const metadata = (): EventMetadata => {
  const id = randomUUID();
  return {
    actor: { id: 'roles-test', role: 'ADMIN' },
    correlationId: id,
    causationId: id,
    occurredAt: new Date().toISOString(),
  };
};
const denied = { code: INSUFFICIENT_PRIVILEGE };

describe('database roles: the service role may read and append, nothing more', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  let keyDir: string;
  const serviceRole = `svc_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const servicePassword = randomBytes(18).toString('base64url');
  let serviceUrl: string;
  let api: RunningApi | undefined;

  const env = (extra: Record<string, string>) =>
    loadConfig({
      AUTH_DEV_KEY_FILE: join(keyDir, 'dev-key.json'),
      AUDIT_SIGNING_KEY_FILE: join(keyDir, 'audit-signing-key.pem'),
      AUDIT_SEALER: 'off',
      LOG_LEVEL: 'error',
      ...extra,
    });
  const start = async (extra: Record<string, string>): Promise<RunningApi> => {
    // The readiness probe's 503s while the projections start are logged as errors: not this test's business.
    const running = await startApi(env(extra), { listen: false, logDestination: { write: () => undefined } });
    const fastify = running.app.getHttpAdapter().getInstance();
    const deadline = Date.now() + 60_000;
    while ((await fastify.inject({ method: 'GET', url: '/health/ready' })).statusCode !== 200) {
      if (Date.now() > deadline) throw new Error('API not ready within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    return running;
  };
  const countEvents = async () =>
    Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events')).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('roles');
    keyDir = await mkdtemp(join(tmpdir(), 'kinerja-roles-'));
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${serviceRole} LOGIN PASSWORD '${servicePassword}'`);
    const url = new URL(db.url);
    url.username = serviceRole;
    url.password = servicePassword;
    serviceUrl = url.toString();

    // The database has run with one role before (everything owned by the superuser), as an existing ./data has:
    // the two-role start must take the read models over for the service role.
    const before = await start({ DATABASE_URL: db.url });
    await before.stop();
    api = await start({ DATABASE_URL: serviceUrl, MIGRATION_DATABASE_URL: db.url });
    await api.infrastructure.eventStore.appendToStream(`roles-${randomUUID()}`, [
      { id: randomUUID(), type: 'RoleChecked', data: { first: true }, metadata: metadata() },
    ]);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await admin.end();
    await db.drop();
    // The role is cluster-wide; its grants and objects went with the database.
    const cleanup = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await cleanup.connect();
    await cleanup.query(`DROP ROLE IF EXISTS ${serviceRole}`);
    await cleanup.end();
    await rm(keyDir, { recursive: true, force: true });
  });

  const asService = (text: string, values: unknown[] = []) => api!.infrastructure.pool.query(text, values);

  it('the started API connects as the service role only: no owner connection is left open', async () => {
    const { rows } = await asService('SELECT current_user AS me, rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ me: serviceRole, rolsuper: false });
    const sessions = await admin.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    expect(sessions.rows.map((r) => r.usename)).toEqual([serviceRole]);
  });

  it('the service role is a member of the group role, does not own the event store and owns the read models', async () => {
    const { rows } = await admin.query<{
      member: boolean;
      storeOwner: string;
      eventsOwner: string;
      rmOwners: string[];
    }>(
      `SELECT pg_has_role($1, $2, 'MEMBER') AS member,
              (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'event_store') AS "storeOwner",
              (SELECT relowner::regrole::text FROM pg_class WHERE oid = 'event_store.events'::regclass) AS "eventsOwner",
              ARRAY(SELECT DISTINCT nspowner::regrole::text FROM pg_namespace WHERE nspname LIKE 'rm\\_%') AS "rmOwners"`,
      [serviceRole, APP_ROLE],
    );
    expect(rows[0].member).toBe(true);
    expect(rows[0].storeOwner).not.toBe(serviceRole);
    expect(rows[0].eventsOwner).not.toBe(serviceRole);
    // Generations created by the earlier one-role start were handed over.
    expect(rows[0].rmOwners).toEqual([serviceRole]);
    const bookkeeping = await admin.query<{ owner: string }>(
      "SELECT relowner::regrole::text AS owner FROM pg_class WHERE oid = 'public.projection_checkpoints'::regclass",
    );
    expect(bookkeeping.rows[0].owner).toBe(serviceRole);
  });

  it('refuses direct INSERT, UPDATE, DELETE and TRUNCATE on the events, and moving a stream revision', async () => {
    const before = await countEvents();
    expect(before).toBeGreaterThan(0);
    const { rows } = await admin.query<{ stream_name: string }>('SELECT stream_name FROM event_store.events LIMIT 1');
    const stream = rows[0].stream_name;
    await expect(
      asService(
        `INSERT INTO event_store.events (stream_name, stream_revision, event_id, event_type, data, metadata)
         VALUES ($1, 999, gen_random_uuid(), 'Forged', '{}', '{}')`,
        [stream],
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      asService(`UPDATE event_store.events SET data = '{}' WHERE stream_name = $1`, [stream]),
    ).rejects.toMatchObject(denied);
    await expect(asService('DELETE FROM event_store.events WHERE stream_name = $1', [stream])).rejects.toMatchObject(
      denied,
    );
    await expect(asService('TRUNCATE event_store.events')).rejects.toMatchObject(denied);
    await expect(
      asService('UPDATE event_store.streams SET revision = 0 WHERE stream_name = $1', [stream]),
    ).rejects.toMatchObject(denied);
    expect(await countEvents()).toBe(before);
  });

  it('refuses DDL in the event store: CREATE TABLE, DISABLE TRIGGER, replacing the append function', async () => {
    await expect(asService('CREATE TABLE event_store.shadow (x int)')).rejects.toMatchObject(denied);
    await expect(
      asService('ALTER TABLE event_store.events DISABLE TRIGGER events_refuse_update_delete'),
    ).rejects.toMatchObject(denied);
    await expect(asService('ALTER TABLE event_store.events DISABLE TRIGGER ALL')).rejects.toMatchObject(denied);
    await expect(asService('DROP TABLE event_store.events')).rejects.toMatchObject(denied);
    await expect(
      asService(`CREATE OR REPLACE FUNCTION event_store.refuse_event_change() RETURNS trigger
                 LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`),
    ).rejects.toMatchObject(denied);
    await expect(asService('SET ROLE postgres')).rejects.toMatchObject(denied);
    const { rows } = await admin.query<{ tgenabled: string }>(
      "SELECT tgenabled FROM pg_trigger WHERE tgname = 'events_refuse_update_delete'",
    );
    expect(rows[0].tgenabled).toBe('O');
  });

  it('appends through the store and serves commands over HTTP as the service role', async () => {
    const before = await countEvents();
    const stream = `roles-check-${randomUUID()}`;
    await api!.infrastructure.eventStore.appendToStream(stream, [
      { id: randomUUID(), type: 'RoleChecked', data: { ok: true }, metadata: metadata() },
    ]);
    expect((await api!.infrastructure.rawEventStore.readStream(stream)).map((e) => e.type)).toEqual(['RoleChecked']);

    const key = await loadOrCreateDevKey(join(keyDir, 'dev-key.json'));
    const token = await issueDevToken(key, { sub: 'admin-1', roles: [Role.ADMIN] });
    const fastify = api!.app.getHttpAdapter().getInstance();
    const response = await fastify.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ agencyId: 'kab-roles', name: 'Kabupaten Roles', timeZone: 'Asia/Jakarta' }),
    });
    expect(response.statusCode).toBe(201);
    // the RoleChecked event and at least the agency's
    expect(await countEvents()).toBeGreaterThanOrEqual(before + 2);
  });

  it('rebuilds a read model as the service role: new generation schema created, the old one dropped', async () => {
    const projection = projections[0];
    const generations = () =>
      admin.query<{ schema: string; owner: string }>(
        `SELECT g.schema_name AS schema, n.nspowner::regrole::text AS owner
           FROM projection_generations g LEFT JOIN pg_namespace n ON n.nspname = g.schema_name
          WHERE g.projection = $1 ORDER BY g.generation`,
        [projection.name],
      );
    const [old] = (await generations()).rows;
    const output: string[] = [];
    const command = createRebuildProjectionsCommand({
      projections: [projection],
      output: { write: (text: string) => output.push(text) },
      interrupted: () => new Promise(() => undefined),
      tuning: { retireGraceMs: 10, idleMs: 20 },
    });
    await expect(command.run([], env({ DATABASE_URL: serviceUrl }))).resolves.toBe(0);
    const after = (await generations()).rows;
    expect(after).toHaveLength(1);
    expect(after[0].schema).not.toBe(old.schema);
    expect(after[0].owner).toBe(serviceRole);
    const dropped = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [old.schema]);
    expect(dropped.rowCount).toBe(0);
  });

  it('a process given only the service credentials runs on the migrated store, without migrating', async () => {
    const infrastructure = await openInfrastructure(env({ DATABASE_URL: serviceUrl }));
    try {
      const { rows } = await infrastructure.pool.query<{ me: string }>('SELECT current_user AS me');
      expect(rows[0].me).toBe(serviceRole);
    } finally {
      await infrastructure.close();
    }
    expect(await migrateDatabase(env({ DATABASE_URL: serviceUrl }))).toEqual({
      serviceRole,
      migratedAs: 'nobody',
    });
  });

  it('`cli migrate` migrates as the owner and grants the service role (exit 0)', async () => {
    const command = createMigrateCommand();
    await expect(command.run([], env({ DATABASE_URL: serviceUrl, MIGRATION_DATABASE_URL: db.url }))).resolves.toBe(0);
    // without the owner's URL the service role cannot migrate: exit 1
    await expect(command.run([], env({ DATABASE_URL: serviceUrl }))).resolves.toBe(1);
  });

  it('a service role on a database nobody migrated is refused with what to do', async () => {
    const fresh = await createTestDatabase('roles_fresh');
    const url = new URL(fresh.url);
    url.username = serviceRole;
    url.password = servicePassword;
    try {
      await expect(openInfrastructure(env({ DATABASE_URL: url.toString() }))).rejects.toThrow(/MIGRATION_DATABASE_URL/);
    } finally {
      await fresh.drop();
    }
  });
});
