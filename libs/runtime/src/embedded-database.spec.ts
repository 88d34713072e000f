// The embedded default sets up both roles itself (README "Database roles"): the superuser migrates, the process
// works as kinerja_service, whose password is generated into the data directory (nothing secret committed).
import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../../../test/support/run-dirs.js';
import { loadConfig } from '../../config/src/config.js';
import { EMBEDDED_SERVICE_USER } from '../../database/src/embedded-postgres-url.js';
import { SERVICE_PASSWORD_FILE } from '../../database/src/embedded-service-role.js';
import { openInfrastructure } from './infrastructure.js';

describe('embedded default: two roles', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('works as the service role, which may append but not write the events table directly; again after a restart', async () => {
    const root = await mkdtemp(join('.test-data', 'embedded-roles-'));
    dirs.push(root);
    const dataDir = join(root, 'pg');
    const config = loadConfig({
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'error',
    });

    for (const round of [1, 2]) {
      const infrastructure = await openInfrastructure(config);
      try {
        const url = new URL(infrastructure.databaseUrl);
        expect(url.username).toBe(EMBEDDED_SERVICE_USER);
        const password = (await readFile(join(dataDir, SERVICE_PASSWORD_FILE), 'utf8')).trim();
        expect(decodeURIComponent(url.password)).toBe(password);
        expect(password.length).toBeGreaterThanOrEqual(24);
        expect((await stat(join(dataDir, SERVICE_PASSWORD_FILE))).mode & 0o077).toBe(0);

        const { rows } = await infrastructure.pool.query<{ me: string; rolsuper: boolean }>(
          'SELECT current_user AS me, rolsuper FROM pg_roles WHERE rolname = current_user',
        );
        expect(rows[0]).toEqual({ me: EMBEDDED_SERVICE_USER, rolsuper: false });

        const stream = `embedded-roles-${round}`;
        const id = randomUUID();
        await infrastructure.eventStore.appendToStream(stream, [
          {
            id,
            type: 'RoleChecked',
            data: { round },
            metadata: {
              actor: { id: 'test', role: 'ADMIN' },
              correlationId: id,
              causationId: id,
              occurredAt: new Date().toISOString(),
            },
          },
        ]);
        expect(await infrastructure.rawEventStore.readStream(stream)).toHaveLength(1);
        await expect(
          infrastructure.pool.query(
            `INSERT INTO event_store.events (stream_name, stream_revision, event_id, event_type, data, metadata)
             VALUES ($1, 1, gen_random_uuid(), 'Forged', '{}', '{}')`,
            [stream],
          ),
        ).rejects.toMatchObject({ code: '42501' });
        await expect(
          infrastructure.pool.query('ALTER TABLE event_store.events DISABLE TRIGGER ALL'),
        ).rejects.toMatchObject({ code: '42501' });
      } finally {
        await infrastructure.close();
      }
    }
  }, 120_000);
});
