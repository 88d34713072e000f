// A real PostgreSQL event store with appraisal-like streams, a sealer key, and the tampering a database
// superuser can do behind the service's back (trigger disabled, change made, trigger re-enabled).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { computeEventHash } from '../../libs/audit/src/hash-chain.js';
import { generateSigningKey, privateKeyPem, type SealSigningKey } from '../../libs/audit/src/seal/signing-key.js';
import { HashChainedEventStore } from '../../libs/event-store/src/hash-chained-event-store.js';
import type { EventStore, NewEvent, RecordedEvent } from '../../libs/event-store/src/port.js';
import {
  createPostgresEventStore,
  migratePostgresEventStore,
  type PostgresEventStore,
} from '../../libs/event-store/src/postgres/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

export const CYCLE = 'kota-manokwari-2026';
export const NIPS = ['199001012020011001', '199002022020012002', '199003032020011003'];
export const appraisalStream = (nip: string) => `appraisal-${CYCLE}-${nip}`;
export const CYCLE_STREAM = `cycle-${CYCLE}`;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TamperStore {
  db: TestDatabase;
  pool: pg.Pool;
  raw: PostgresEventStore;
  store: EventStore;
  close(): Promise<void>;
}

export async function openTamperStore(): Promise<TamperStore> {
  const db = await createTestDatabase('audit');
  const pool = new pg.Pool({ connectionString: db.url });
  await migratePostgresEventStore(pool);
  const raw = createPostgresEventStore({ pool, listen: false });
  return {
    db,
    pool,
    raw,
    store: new HashChainedEventStore(raw),
    async close() {
      await raw.close();
      await pool.end();
      await db.drop();
    },
  };
}

export function appraisalEvent(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'rater-1', role: 'RATER' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-03-01T08:00:00.000Z',
    },
  };
}

/** A cycle stream and three appraisal streams of five events each, appended interleaved. */
export async function appendAppraisals(store: EventStore): Promise<void> {
  await store.appendToStream(CYCLE_STREAM, [appraisalEvent('CycleOpened', { cycleId: CYCLE })]);
  for (let step = 0; step < 5; step++) {
    for (const nip of NIPS) {
      await store.appendToStream(appraisalStream(nip), [appraisalEvent(`Step${step}`, { step, score: 3 })]);
    }
  }
  await store.appendToStream(`employee-${NIPS[0]}`, [appraisalEvent('EmployeeRegistered', { unit: 'u-1' })]);
}

/** Runs `sql` (one statement or several, with the same parameters) with the events table's triggers off. */
export async function tamper(pool: pg.Pool, sql: string | string[], values: unknown[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE event_store.events DISABLE TRIGGER ALL');
    for (const statement of typeof sql === 'string' ? [sql] : sql) await client.query(statement, values);
    await client.query('ALTER TABLE event_store.events ENABLE TRIGGER ALL');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** An event the forger builds with the public algorithm, linked onto `tip`. */
export function forgeOnTip(tip: RecordedEvent, data: Record<string, unknown>): RecordedEvent {
  const { hash: _tipHash, ...tipMetadata } = tip.metadata;
  const metadataWithoutHash = { ...tipMetadata, prevHash: tip.metadata.hash as string };
  const forged = { id: randomUUID(), type: 'RatingRevised', data, revision: tip.revision + 1n };
  const hash = computeEventHash({
    stream: tip.streamName,
    revision: forged.revision,
    id: forged.id,
    type: forged.type,
    data,
    metadataWithoutHash,
    prevHash: tip.metadata.hash as string,
  });
  return { ...tip, ...forged, metadata: { ...metadataWithoutHash, hash } };
}

/** Inserts `event` straight into the table; `position` backdates it (else it lands at the end of $all). */
export async function insertRow(
  pool: pg.Pool,
  event: RecordedEvent,
  position?: { commit: bigint; prepare: bigint },
): Promise<void> {
  const columns = ['stream_name', 'stream_revision', 'event_id', 'event_type', 'data', 'metadata'];
  const values: unknown[] = [
    event.streamName,
    event.revision.toString(),
    event.id,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  ];
  if (position) {
    columns.push('commit_position', 'prepare_position');
    values.push(position.commit.toString(), position.prepare.toString());
  }
  const params = values.map((_, i) => `$${i + 1}${columns[i] === 'commit_position' ? '::xid8' : ''}`);
  await tamper(
    pool,
    `INSERT INTO event_store.events (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES (${params.join(', ')})`,
    values,
  );
}

export async function writeKeyFile(dir: string, key: SealSigningKey = generateSigningKey()): Promise<string> {
  const file = join(dir, `audit-key-${key.keyId.slice(0, 8)}.pem`);
  await writeFile(file, privateKeyPem(key), { mode: 0o600 });
  return file;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI as a child process, on the test database. */
export function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/cli/src/main.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, EVENTSTORE_GROUP_COMMIT: 'off', AUDIT_SIGNING_KEY: '', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}
