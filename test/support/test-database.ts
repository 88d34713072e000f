import pg from 'pg';
import { randomUUID } from 'node:crypto';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database in the run's embedded PostgreSQL, so test files never share state. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_PG_ADMIN_URL is not set: run tests through `npm test` (jest global setup)');
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        // pg's pool.end() resolves before its connections have closed: dropping at once terminates them, and the
        // server's FATAL reaches a closing pool client as an unhandled 'error' (a flaky failure seen in CI). Give
        // closed pools a moment to disconnect; anything still connected after that is forced out.
        const deadline = Date.now() + 2_000;
        while (Date.now() < deadline) {
          const { rows } = await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
