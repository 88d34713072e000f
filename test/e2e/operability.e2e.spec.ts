// Operability through the real app (README "Logging", "Metrics", "Read-your-writes"): one JSON access-log line
// per request with the route template and no personal data, HTTP and event-store histograms on /metrics, and
// X-Position / X-Min-Position.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { formatPosition } from '../../libs/event-store/src/port.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const AGENCY = 'kab-raja-ampat';
const NIP = '197912242005021003';
const NAME = 'Yohana Mambrasar';
const employee = {
  nip: NIP,
  name: NAME,
  employmentType: 'PNS',
  agencyId: AGENCY,
  unitId: 'dinkes',
  positionTitle: 'Perawat Ahli Pertama',
  golongan: 'III/a',
  jobType: 'FUNGSIONAL',
};

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const PINO_WARN = 40;

describe('operability: logs, metrics, read-your-writes', () => {
  let h: ApiHarness;
  const output: string[] = [];
  const lines = (): LogLine[] =>
    output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);
  const accessLines = () => lines().filter((l) => l.msg === 'request');
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    h = await startApiHarness(
      { LOG_LEVEL: 'info' },
      { logDestination: { write: (line: string) => output.push(line) } },
    );
    admin = await h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
    hr = await h.token({ sub: 'hr-1', roles: [Role.HR], agencyId: AGENCY });
    const agency = await h.request({
      method: 'POST',
      url: '/api/v1/agencies',
      token: admin,
      body: { agencyId: AGENCY, name: 'Kabupaten Raja Ampat', timeZone: 'Asia/Jayapura' },
    });
    expect(agency.statusCode).toBe(201);
  });
  afterAll(async () => {
    // The last test drops the database under the running app.
    await h.close().catch(() => undefined);
  });

  describe('read-your-writes', () => {
    it('a command reply carries X-Position; a read with X-Min-Position sees the write at once', async () => {
      const created = await h.request({
        method: 'POST',
        url: `/api/v1/agencies/${AGENCY}/units`,
        token: hr,
        body: { unitId: 'dinkes', name: 'Dinas Kesehatan' },
      });
      expect(created.statusCode).toBe(201);
      const [last] = await h.api.infrastructure.rawEventStore.readStream(`agency-${AGENCY}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(created.headers['x-position']).toBe(formatPosition(last.position));

      const read = await h.request({
        method: 'GET',
        url: `/api/v1/agencies/${AGENCY}/units`,
        token: hr,
        headers: { 'x-min-position': String(created.headers['x-position']) },
      });
      expect(read.statusCode).toBe(200);
      expect(JSON.stringify(read.json())).toContain('dinkes');
    });

    it('routes that answer without revisionReply carry X-Position too (register an employee), and read it back', async () => {
      const registered = await h.request({ method: 'POST', url: '/api/v1/employees', token: hr, body: employee });
      expect(registered.statusCode).toBe(201);
      const [event] = await h.api.infrastructure.rawEventStore.readStream(`employee-${NIP}`);
      expect(registered.headers['x-position']).toBe(formatPosition(event.position));

      const read = await h.request({
        method: 'GET',
        url: `/api/v1/employees/${NIP}`,
        token: hr,
        headers: { 'x-min-position': String(registered.headers['x-position']) },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ nip: NIP, name: NAME });
    });

    it('a position the read models do not reach in time is 504 READ_MODEL_BEHIND naming the projections', async () => {
      const started = Date.now();
      const response = await h.request({
        method: 'GET',
        url: `/api/v1/employees/${NIP}`,
        token: hr,
        headers: { 'x-min-position': '900000000000/900000000000', 'x-max-wait-ms': '200' },
      });
      expect(response.statusCode).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      const body = response.json() as { code: string; details: { field: string; checkpoint: string | null }[] };
      expect(body.code).toBe('READ_MODEL_BEHIND');
      expect(body.details.map((d) => d.field)).toEqual(expect.arrayContaining(['employee_directory']));
    });

    it.each([
      [{ 'x-min-position': 'W/"3"' }, 'INVALID_MIN_POSITION'],
      [{ 'x-min-position': '12' }, 'INVALID_MIN_POSITION'],
      [{ 'x-min-position': '1/1', 'x-max-wait-ms': '31000' }, 'INVALID_MAX_WAIT'],
      [{ 'x-min-position': '1/1', 'x-max-wait-ms': 'soon' }, 'INVALID_MAX_WAIT'],
    ])('a malformed header %j is 400 %s', async (headers, code) => {
      const response = await h.request({ method: 'GET', url: `/api/v1/employees/${NIP}`, token: hr, headers });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ statusCode: 400, code });
    });
  });

  describe('metrics', () => {
    it('/metrics has HTTP duration histograms by route template, append latency and batch sizes, and projection lag', async () => {
      const response = await h.request({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      const text = response.body;
      expect(text).toMatch(
        /kinerja_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/employees\/:nip",status_code="200"\} [1-9]/,
      );
      expect(text).toMatch(
        /kinerja_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/employees",status_code="201"\} 1/,
      );
      expect(text).toMatch(/kinerja_event_store_append_duration_seconds_count\{outcome="ok"\} [1-9]/);
      expect(text).toMatch(/kinerja_event_store_append_events_bucket\{le="1"\} [1-9]/);
      expect(text).toMatch(/kinerja_event_store_group_commit_batch_appends_count [1-9]/);
      expect(text).toContain('kinerja_projection_lag_events{projection="employee_directory"}');
      expect(text).not.toContain(NIP);
    });
  });

  describe('logging', () => {
    it('one access line per request: route template, status, duration, correlation id, role; no NIP, no name', async () => {
      const correlationId = randomUUID();
      const before = accessLines().length;
      const response = await h.request({
        method: 'GET',
        url: `/api/v1/employees/${NIP}`,
        token: hr,
        headers: { 'x-correlation-id': correlationId },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-correlation-id']).toBe(correlationId);
      const added = accessLines().slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        level: 30,
        method: 'GET',
        route: '/api/v1/employees/:nip',
        status: 200,
        durationMs: expect.any(Number),
        correlationId,
        role: 'HR',
      });
    });

    it('a command stamps the same correlation id on its events as on its access line', async () => {
      const response = await h.request({
        method: 'POST',
        url: `/api/v1/agencies/${AGENCY}/units`,
        token: hr,
        body: { unitId: 'rsud', name: 'RSUD Waisai', parentUnitId: 'dinkes' },
      });
      expect(response.statusCode).toBe(201);
      const correlationId = response.headers['x-correlation-id'];
      expect(correlationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      const [last] = await h.api.infrastructure.rawEventStore.readStream(`agency-${AGENCY}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(last.metadata.correlationId).toBe(correlationId);
      expect(accessLines().at(-1)).toMatchObject({
        method: 'POST',
        route: '/api/v1/agencies/:agencyId/units',
        correlationId,
        status: 201,
      });
    });

    it('401 and 403 are logged at warn; an unknown route logs a placeholder, never its path', async () => {
      const before = accessLines().length;
      const unauthenticated = await h.request({ method: 'GET', url: `/api/v1/employees/${NIP}` });
      // Registering agencies is for ADMIN only: HR is refused by the guard.
      const forbidden = await h.request({
        method: 'POST',
        url: '/api/v1/agencies',
        token: hr,
        body: { agencyId: 'kab-lain', name: NAME, timeZone: 'Asia/Jayapura' },
      });
      const unknown = await h.request({ method: 'GET', url: `/api/v1/pegawai/${NIP}/${encodeURIComponent(NAME)}` });
      expect([unauthenticated.statusCode, forbidden.statusCode, unknown.statusCode]).toEqual([401, 403, 404]);
      const added = accessLines().slice(before);
      expect(added.map((l) => [l.status, l.level])).toEqual([
        [401, PINO_WARN],
        [403, PINO_WARN],
        [404, 30],
      ]);
      expect(added[0]).toMatchObject({ route: '/api/v1/employees/:nip', role: null });
      expect(added[2]).toMatchObject({ route: '(unmatched)' });
    });

    it("Nest's Logger writes through the same JSON logger (the dev-mode warning at start-up)", () => {
      const warning = lines().find((l) => l.context === 'auth' && l.msg.startsWith('dev mode'));
      expect(warning).toMatchObject({ level: PINO_WARN });
    });

    it('an unhandled error is logged at error by the exception filter, as JSON with its stack frames', async () => {
      const before = lines().length;
      await h.db.drop(); // a real outage: the read model's query fails
      const response = await h.request({ method: 'GET', url: `/api/v1/employees/${NIP}`, token: hr });
      expect(response.statusCode).toBe(500);
      const added = lines().slice(before);
      const errorLine = added.find((l) => l.context === 'http');
      expect(errorLine).toMatchObject({ level: 50, msg: expect.stringMatching(/: unhandled$/) });
      expect(String(errorLine?.stack)).toMatch(/^\s+at /);
      expect(added.find((l) => l.msg === 'request')).toMatchObject({ status: 500, level: 50 });
    });

    it('no log line carries the NIP or the name sent in paths and bodies', () => {
      const text = output.join('');
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(NIP);
      expect(text).not.toContain(NAME);
      expect(text).not.toContain('Mambrasar');
    });
  });
});
