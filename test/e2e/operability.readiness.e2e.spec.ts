// Liveness vs readiness (README "Health and readiness") and read-your-writes against lagging read models. The API
// runs with PROJECTOR=external and the test starts and stops the projector in-process, so "behind" is a fact of
// the test, not a race with the embedded runners.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { formatPosition, type NewEvent } from '../../libs/event-store/src/port.js';
import { startProjector, type Projector } from '../../libs/runtime/src/start-projector.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

interface Readiness {
  status: string;
  projections: { maxLagEvents: number; items: { projection: string; ready: boolean; lagEvents: number | null }[] };
}

const SEEDED = 500;

describe('GET /health/live, /health/ready and X-Min-Position with an external projector', () => {
  let h: ApiHarness;
  let projector: Projector | undefined;
  const startTheProjector = () => {
    const { rawEventStore, readDb, databaseUrl } = h.api.infrastructure;
    projector = startProjector({ store: rawEventStore, db: readDb, connectionString: databaseUrl, log: () => {} });
  };
  const stopTheProjector = async () => {
    await projector?.stop();
    projector = undefined;
  };
  const ready = () => h.request({ method: 'GET', url: '/health/ready' });
  const untilReady = () =>
    h.eventually(async () => {
      const response = await ready();
      return response.statusCode === 200 ? response : undefined;
    });

  beforeAll(async () => {
    h = await startApiHarness({ PROJECTOR: 'external', READY_MAX_LAG_EVENTS: '5' });
  });
  afterAll(async () => {
    await stopTheProjector();
    await h.close();
  });

  it('live answers 200 without looking at anything; ready is 503 while no projector has built the read models', async () => {
    expect((await h.request({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const response = await ready();
    expect(response.statusCode).toBe(503);
    const body = response.json() as Readiness;
    expect(body.status).toBe('not-ready');
    expect(body.projections.items.length).toBeGreaterThan(0);
    expect(body.projections.items.every((p) => !p.ready && p.lagEvents === null)).toBe(true);
    // /health keeps its meaning: the dependencies are up.
    expect((await h.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('is ready once the projector has caught up', async () => {
    startTheProjector();
    const response = await untilReady();
    const body = response.json() as Readiness;
    expect(body).toMatchObject({ status: 'ready', eventStore: { status: 'up' }, readModels: { status: 'up' } });
    expect(body.projections.maxLagEvents).toBe(5);
    expect(body.projections.items.every((p) => p.ready && p.lagEvents === 0)).toBe(true);
  });

  it(`after ${SEEDED} events appended behind the projector's back: 503 with the lag, then 200 once caught up`, async () => {
    await stopTheProjector();
    const events: NewEvent[] = Array.from({ length: SEEDED }, (_, i) => ({
      id: randomUUID(),
      type: 'OperabilityProbe.v1',
      data: { i },
      metadata: {
        actor: { id: 'test', role: 'ADMIN' },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: new Date().toISOString(),
      },
    }));
    await h.api.infrastructure.rawEventStore.appendToStream('probe-1', events.slice(0, 250));
    await h.api.infrastructure.rawEventStore.appendToStream('probe-2', events.slice(250));

    const behind = await ready();
    expect(behind.statusCode).toBe(503);
    const body = behind.json() as Readiness;
    expect(body.status).toBe('not-ready');
    expect(body.projections.items.map((p) => [p.ready, p.lagEvents])).toEqual(
      body.projections.items.map(() => [false, SEEDED]),
    );

    startTheProjector();
    await untilReady();
  });

  it('X-Min-Position: 504 READ_MODEL_BEHIND while the projector is down, the write visible as soon as it runs', async () => {
    await stopTheProjector();
    const hr = await h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
    const created = await h.request({
      method: 'POST',
      url: '/api/v1/agencies',
      token: hr,
      body: { agencyId: 'kota-sorong', name: 'Kota Sorong', timeZone: 'Asia/Jayapura' },
    });
    expect(created.statusCode).toBe(201);
    const position = String(created.headers['x-position']);
    const [event] = await h.api.infrastructure.rawEventStore.readStream('agency-kota-sorong');
    expect(position).toBe(formatPosition(event.position));

    const read = (maxWaitMs: number) =>
      h.request({
        method: 'GET',
        url: '/api/v1/agencies/kota-sorong',
        token: hr,
        headers: { 'x-min-position': position, 'x-max-wait-ms': String(maxWaitMs) },
      });
    const timedOut = await read(300);
    expect(timedOut.statusCode).toBe(504);
    expect(timedOut.json()).toMatchObject({ statusCode: 504, code: 'READ_MODEL_BEHIND' });

    // The read waits for the projector started meanwhile, and sees the write.
    const waiting = read(20_000);
    startTheProjector();
    const seen = await waiting;
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ agencyId: 'kota-sorong', name: 'Kota Sorong' });
  });
});
