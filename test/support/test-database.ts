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
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
