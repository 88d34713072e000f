// Boots the real API (Nest on Fastify, real PostgreSQL, real projections running embedded) for e2e tests,
// and issues dev tokens signed with the same key the API verifies with.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../libs/config/src/config.js';
import { issueDevToken, loadOrCreateDevKey, type Role } from '../../libs/auth/src/index.js';
import { startApi, type RunningApi } from '../../apps/api/src/start-api.js';
import type { ObservabilityOptions } from '../../apps/api/src/observability/observability.js';
import type { Clock } from '../../apps/api/src/tokens.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface ApiHarness {
  api: RunningApi;
  db: TestDatabase;
  token(claims: { sub: string; roles: Role[]; agencyId?: string; nip?: string }): Promise<string>;
  request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    token?: string;
    body?: unknown;
    payload?: string;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string; json: () => unknown }>;
  /**
   * Every event in the store, counted exactly: for "nothing was written" checks. ($all reads only return events
   * below the oldest open transaction, so they can lag behind a just-finished write.)
   */
  countEvents(): Promise<number>;
  /** Polls `probe` until it returns a value (the read models follow the events asynchronously). */
  eventually<T>(probe: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** One response the harness handed back to a test, as an OpenAPI conformance check needs it. */
export interface RecordedResponse {
  method: string;
  url: string;
  /** The JSON request body, when there was one. */
  requestBody?: string;
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

let recorded: RecordedResponse[] | undefined;

/**
 * From now on, every response of every harness in this test file is kept, for a check against the served OpenAPI
 * document (test/e2e/openapi.responses.e2e.spec.ts). Returns the list the responses are appended to.
 */
export function recordResponses(): RecordedResponse[] {
  recorded ??= [];
  return recorded;
}

export async function startApiHarness(
  env: Record<string, string> = {},
  options: ObservabilityOptions & { clock?: Clock } = {},
): Promise<ApiHarness> {
  const db = await createTestDatabase('e2e');
  const keyDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-'));
  const keyFile = join(keyDir, 'dev-key.json');
  // The sealer is off unless a test turns it on: its seal events would change the event counts tests compare.
  const config = loadConfig({
    DATABASE_URL: db.url,
    AUTH_DEV_KEY_FILE: keyFile,
    AUDIT_SIGNING_KEY_FILE: join(keyDir, 'audit-signing-key.pem'),
    AUDIT_SEALER: 'off',
    LOG_LEVEL: 'error',
    ...env,
  });
  const api = await startApi(config, { listen: false, ...options });
  const key = await loadOrCreateDevKey(keyFile);
  const fastify = api.app.getHttpAdapter().getInstance();
  // The in-process projector builds every read model's first generation after start-up; on a loaded machine a
  // test's first query could otherwise meet READ_MODEL_NOT_READY (503). With an external projector nothing builds.
  if (config.projector !== 'external') await untilReady(() => fastify.inject({ method: 'GET', url: '/health/ready' }));
  return {
    api,
    db,
    token: (claims) => issueDevToken(key, claims),
    async request({ method, url, token, body, payload, headers }) {
      const response = await fastify.inject({
        method,
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined || payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        payload: payload ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      recorded?.push({
        method,
        url,
        requestBody: payload ?? (body === undefined ? undefined : JSON.stringify(body)),
        statusCode: response.statusCode,
        headers: response.headers as Record<string, unknown>,
        body: response.body,
      });
      return {
        statusCode: response.statusCode,
        headers: response.headers as Record<string, unknown>,
        body: response.body,
        json: () => JSON.parse(response.body) as unknown,
      };
    },
    async countEvents() {
      if (api.infrastructure.eventStoreKind === 'postgres') {
        const { rows } = await api.infrastructure.pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM event_store.events',
        );
        return Number(rows[0].n);
      }
      return (await api.infrastructure.rawEventStore.readAll({ maxCount: 1_000_000 })).length;
    },
    async eventually(probe, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await api.stop();
      await db.drop();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}

async function untilReady(probe: () => Promise<{ statusCode: number; body: string }>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await probe();
    if (response.statusCode === 200) return;
    if (Date.now() > deadline) throw new Error(`API not ready within ${timeoutMs} ms: ${response.body}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
