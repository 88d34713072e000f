// The vertical slice through HTTP: POST -> event appended -> projection -> GET shows it; bad input -> 4xx and
// nothing written. Runs the real app on a real PostgreSQL with the projections embedded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { registerEmployeeSlice } from './register-employee.slice.js';

describe('register an employee through HTTP (PostgreSQL event store)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  registerEmployeeSlice(() => h);

  it('GET /health reports the PostgreSQL event store and the read-model database as up', async () => {
    const response = await h.request({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      eventStore: { kind: 'postgres', status: 'up' },
      readModels: { status: 'up' },
    });
  });

  it('GET /docs/openapi.json describes every route', async () => {
    const response = await h.request({ method: 'GET', url: '/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/employees', '/api/v1/employees/{nip}', '/health', '/metrics']),
    );
    // every documented operation says what it does
    for (const operations of Object.values(doc.paths)) {
      for (const operation of Object.values(operations)) expect(operation).toHaveProperty('summary');
    }
    expect(Object.keys(doc.paths['/api/v1/employees']).sort()).toEqual(['get', 'post']);
    const html = await h.request({ method: 'GET', url: '/docs' });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('swagger');
  });

  it('GET /metrics reports projection lag in Prometheus format', async () => {
    const response = await h.request({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/plain');
    expect(response.body).toMatch(/kinerja_projection_lag_events\{projection="employee_directory"\} \d+/);
    expect(response.body).toMatch(/kinerja_projection_lag_seconds\{projection="employee_directory"\} [\d.]+/);
  });

  it('every appended event carries actor, correlation and a verifiable hash chain', async () => {
    const token = await h.token({ sub: 'hr-chain', roles: [Role.HR], agencyId: 'kota-manokwari' });
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/employees',
      token,
      headers: { 'x-correlation-id': '3f2b9c1e-8a4d-4c1f-9b2e-6d7a8c9e0f1a' },
      body: {
        nip: '199001012015031001',
        name: 'Yohanes Mandacan',
        employmentType: 'PPPK',
        agencyId: 'kota-manokwari',
        unitId: 'disdik',
        positionTitle: 'Pranata Komputer',
        golongan: 'IX',
        jobType: 'FUNGSIONAL',
      },
    });
    expect(response.statusCode).toBe(201);
    const events = await h.api.infrastructure.rawEventStore.readStream('employee-199001012015031001');
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({
      actor: { id: 'hr-chain', role: 'HR' },
      correlationId: '3f2b9c1e-8a4d-4c1f-9b2e-6d7a8c9e0f1a',
      causationId: '3f2b9c1e-8a4d-4c1f-9b2e-6d7a8c9e0f1a',
      prevHash: '0'.repeat(64),
    });
    expect(verifyStreamChain(events)).toEqual({ ok: true });
  });
});

describe('GET /health when the database goes away', () => {
  it('answers 503 naming each component that is down', async () => {
    const h = await startApiHarness();
    try {
      await h.db.drop(); // a real outage: the database disappears under the running app
      const response = await h.request({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'unavailable',
        eventStore: { kind: 'postgres', status: 'down', error: expect.any(String) },
        readModels: { status: 'down', error: expect.any(String) },
      });
    } finally {
      await h.close().catch(() => undefined);
    }
  });
});
