// The same slice with EVENTSTORE_URL set: events go to EventStoreDB (here the in-memory gRPC stand-in of its
// protocol, driven by the real @eventstore/db-client), read models stay in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { startEventStoreDbStandIn } from '../esdb-stand-in/server.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { registerEmployeeSlice } from './register-employee.slice.js';

describe('register an employee through HTTP (EventStoreDB event store, stand-in)', () => {
  let h: ApiHarness;
  let standIn: Awaited<ReturnType<typeof startEventStoreDbStandIn>>;
  beforeAll(async () => {
    standIn = await startEventStoreDbStandIn();
    h = await startApiHarness({ EVENTSTORE_URL: standIn.connectionString });
  });
  afterAll(async () => {
    await h.close();
    await standIn.stop();
  });

  it('GET /health reports EventStoreDB as the event store', async () => {
    const response = await h.request({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', eventStore: { kind: 'eventstoredb', status: 'up' } });
  });

  registerEmployeeSlice(() => h);

  it('the events are in EventStoreDB, not in the PostgreSQL event tables, and their hash chain verifies', async () => {
    const events = await h.api.infrastructure.rawEventStore.readStream('employee-198503152010011002');
    expect(events.map((e) => e.type)).toEqual(['EmployeeRegistered.v2']);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
    const { rows } = await h.api.infrastructure.pool.query(`SELECT to_regclass('events') AS t`);
    expect(rows[0].t).toBeNull();
  });
});
