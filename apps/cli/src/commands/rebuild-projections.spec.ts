import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadConfig, type Config } from '../../../../libs/config/src/config.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../../../libs/event-store/src/postgres/index.js';
import {
  appendLedgerEvents,
  ledgerTestProjection,
} from '../../../../libs/projections/src/testing/ledger-test-projection.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { UsageError } from '../command.js';
import { createRebuildProjectionsCommand } from './rebuild-projections.js';

describe('rebuild-projections command', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let config: Config;
  let total: number;
  const writes: string[] = [];
  const command = createRebuildProjectionsCommand({
    projections: [ledgerTestProjection(), ledgerTestProjection({ name: 'other_ledger' })],
    output: { write: (text: string) => writes.push(text) },
    interrupted: () => new Promise(() => undefined),
    tuning: { idleMs: 50, retireGraceMs: 0 },
  });

  beforeAll(async () => {
    database = await createTestDatabase('cli');
    store = createPostgresEventStore({ connectionString: database.url });
    await store.migrate();
    total = await appendLedgerEvents(store, { streams: 3, perStream: 20 });
    config = loadConfig({ DATABASE_URL: database.url });
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('rebuilds every registered projection, reporting progress and the generation it switched to', async () => {
    expect(await command.run([], config)).toBe(0);
    const output = writes.join('');
    expect(output).toMatch(
      /^ledger_test: counting events up to the head\nledger_test catching-up \[-+\]\s+0\.0% {2}0\//,
    );
    expect(output).toContain(`ledger_test: generation 1 (rm_ledger_test_g1) is active, ${total} events, 60 applied\n`);
    expect(output).toContain(
      `other_ledger: generation 1 (rm_other_ledger_g1) is active, ${total} events, 60 applied\n`,
    );
    expect(output).toMatch(new RegExp(`ledger_test done \\[#+\\] 100\\.0%  ${total}/${total}`));
  });

  it('rebuilds one projection by name, replacing its previous generation', async () => {
    writes.length = 0;
    expect(await command.run(['--projection', 'other_ledger'], config)).toBe(0);
    expect(writes.join('')).toContain(
      `other_ledger: generation 2 (rm_other_ledger_g2) is active, ${total} events, 60 applied; generation 1 dropped\n`,
    );
    expect(writes.join('')).not.toContain('ledger_test');
  });

  it('prints the events whose hash chain does not hold, and exits 1', async () => {
    const [victim] = await store.readStream('ledger-1', { from: 4n, maxCount: 1 });
    const superuser = new pg.Client({ connectionString: database.url });
    await superuser.connect();
    try {
      await superuser.query('BEGIN');
      await superuser.query('ALTER TABLE event_store.events DISABLE TRIGGER ALL');
      await superuser.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{amount}', '999') WHERE stream_name = 'ledger-1' AND stream_revision = 4`,
      );
      await superuser.query('ALTER TABLE event_store.events ENABLE TRIGGER ALL');
      await superuser.query('COMMIT');
    } finally {
      await superuser.end();
    }
    writes.length = 0;
    expect(await command.run([], config)).toBe(1);
    const output = writes.join('');
    expect(output).toContain("hash chain: 1 event(s) fail their stream's chain (run `verify --all`):\n");
    expect(output).toContain(`  altered ledger-1@4 (event ${victim.id}, $all `);
    // Reported once, though both projections read the altered event.
    expect(output.match(/altered ledger-1@4/g)).toHaveLength(1);
  });

  it('refuses an unknown projection name', async () => {
    await expect(command.run(['--projection', 'nope'], config)).rejects.toThrow(
      new UsageError('unknown projection: nope (known: ledger_test, other_ledger)'),
    );
  });
});
