// Who may do what with frameworks, as a matrix over HTTP: HR of the agency and ADMIN manage; employees of
// the agency read published versions and comment while open; AUDITOR reads all and writes nothing; another
// agency's HR and employees get 403. Every refused or malformed request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { AGENCY_A, AGENCY_B, frameworkClient, guruLevels, pedagogik } from './frameworks.support.js';

const A = 'kompetensi-manokwari';
const BASE = `/api/v1/frameworks/${A}`;
const { code: _code, ...pedagogikBody } = pedagogik;

type Method = 'POST' | 'PUT' | 'DELETE';
type TokenName = 'hrB' | 'employeeA' | 'employeeB' | 'raterA' | 'auditor';

describe('competency framework access and input validation through HTTP', () => {
  let h: ApiHarness;
  const c = frameworkClient(() => h);

  beforeAll(async () => {
    h = await startApiHarness();
    const hr = await c.tokens.hrA();
    const setup: [Method, string, unknown][] = [
      ['POST', '/api/v1/frameworks', { frameworkId: A, agencyId: AGENCY_A, name: 'Kompetensi Kota Manokwari' }],
      ['POST', `${BASE}/draft/technical-competencies`, pedagogik],
      ['PUT', `${BASE}/draft/position-requirements/guru-ahli-pertama`, guruLevels],
    ];
    for (const [method, url, body] of setup) expect((await c.send(method, url, hr, body)).statusCode).toBeLessThan(300);
    const b = await c.send('POST', '/api/v1/frameworks', await c.tokens.hrB(), {
      frameworkId: 'kompetensi-sorong',
      agencyId: AGENCY_B,
      name: 'Kompetensi Kota Sorong',
    });
    expect(b.statusCode).toBe(201);
    await c.eventuallyGet(
      `${BASE}/versions/1`,
      hr,
      (v: { positionRequirements: unknown[] }) => v.positionRequirements.length === 1,
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const manageRoutes: [string, Method, string, unknown][] = [
    [
      'draft a framework in agency A',
      'POST',
      '/api/v1/frameworks',
      { frameworkId: 'x-a', agencyId: AGENCY_A, name: 'X' },
    ],
    ['add a technical competency', 'POST', `${BASE}/draft/technical-competencies`, { ...pedagogik, code: 'LITERASI' }],
    ['revise a technical competency', 'PUT', `${BASE}/draft/technical-competencies/PEDAGOGIK`, pedagogikBody],
    ['remove a technical competency', 'DELETE', `${BASE}/draft/technical-competencies/PEDAGOGIK`, undefined],
    ['set a position requirement', 'PUT', `${BASE}/draft/position-requirements/kepala-sekolah`, guruLevels],
    ['remove a position requirement', 'DELETE', `${BASE}/draft/position-requirements/guru-ahli-pertama`, undefined],
    ['open for comment', 'POST', `${BASE}/draft/open-for-comment`, undefined],
    ['publish', 'POST', `${BASE}/draft/publish`, undefined],
    ['start a new draft', 'POST', `${BASE}/draft`, undefined],
  ];
  const deniedManagers: TokenName[] = ['hrB', 'employeeA', 'raterA', 'auditor'];

  it.each(manageRoutes)(
    '%s: 401 anonymous, 403 for HR of another agency, employees, raters, auditors; nothing written',
    async (_label, method, url, body) => {
      const before = await c.countEvents();
      expect((await c.send(method, url, undefined, body)).statusCode).toBe(401);
      for (const name of deniedManagers) {
        const response = await c.send(method, url, await c.tokens[name](), body);
        expect([name, response.statusCode]).toEqual([name, 403]);
        expect(response.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
      expect(await c.countEvents()).toBe(before);
    },
  );

  it("HR of agency A may not draft a framework for agency B (403), ADMIN may act on any agency's framework", async () => {
    const before = await c.countEvents();
    const cross = await c.send('POST', '/api/v1/frameworks', await c.tokens.hrA(), {
      frameworkId: 'nyasar',
      agencyId: AGENCY_B,
      name: 'Salah instansi',
    });
    expect(cross.statusCode).toBe(403);
    expect(await c.countEvents()).toBe(before);
    const admin = await c.tokens.admin();
    const added = await c.send('POST', `${BASE}/draft/technical-competencies`, admin, {
      ...pedagogik,
      code: 'LITERASI',
    });
    expect(added.statusCode).toBe(201);
    const events = await h.api.infrastructure.rawEventStore.readStream(`framework-${A}`);
    expect(events.at(-1)?.metadata.actor).toEqual({ id: 'admin-1', role: 'ADMIN' });
  });

  it('reading a DRAFT: HR of the agency, ADMIN and AUDITOR yes; its employees, HR and employees of another agency no', async () => {
    for (const name of ['hrA', 'admin', 'auditor'] as const) {
      const response = await c.send('GET', `${BASE}/versions/1`, await c.tokens[name]());
      expect([name, response.statusCode]).toEqual([name, 200]);
    }
    for (const name of ['employeeA', 'hrB', 'employeeB'] as const) {
      for (const url of [`${BASE}/versions/1`, `${BASE}/versions/1/comments`]) {
        const response = await c.send('GET', url, await c.tokens[name]());
        expect([name, url, response.statusCode]).toEqual([name, url, 403]);
      }
    }
    for (const name of ['hrB', 'employeeB'] as const) {
      expect((await c.send('GET', BASE, await c.tokens[name]())).statusCode).toBe(403);
      expect((await c.send('GET', `${BASE}/versions`, await c.tokens[name]())).statusCode).toBe(403);
    }
    const byAuditor = await c.send('GET', '/api/v1/frameworks', await c.tokens.auditor());
    expect((byAuditor.json() as { items: { frameworkId: string }[] }).items.map((f) => f.frameworkId)).toEqual([
      A,
      'kompetensi-sorong',
    ]);
    expect((await c.send('GET', `/api/v1/frameworks?agencyId=${AGENCY_B}`, await c.tokens.hrA())).statusCode).toBe(403);
    expect(
      (await c.send('GET', `/api/v1/frameworks?agencyId=${AGENCY_A}`, await c.tokens.employeeB())).statusCode,
    ).toBe(403);
  });

  it('commenting while open: anyone in the agency yes; auditors, HR and employees of another agency no', async () => {
    expect((await c.send('POST', `${BASE}/draft/open-for-comment`, await c.tokens.hrA())).statusCode).toBe(200);
    const body = { criterionCode: 'INTEGRITAS', text: 'Mohon contoh perilaku level 2.' };
    const before = await c.countEvents();
    for (const name of ['auditor', 'hrB', 'employeeB'] as const) {
      const response = await c.send('POST', `${BASE}/draft/comments`, await c.tokens[name](), body);
      expect([name, response.statusCode]).toEqual([name, 403]);
    }
    expect(await c.countEvents()).toBe(before);
    for (const name of ['employeeA', 'raterA', 'hrA', 'admin'] as const) {
      const response = await c.send('POST', `${BASE}/draft/comments`, await c.tokens[name](), body);
      expect([name, response.statusCode]).toEqual([name, 201]);
    }
    const open = await c.eventuallyGet<{ status: string }>(
      `${BASE}/versions/1`,
      await c.tokens.employeeA(),
      (v) => v.status === 'OPEN_FOR_COMMENT',
    );
    expect(open.status).toBe('OPEN_FOR_COMMENT');
    expect((await c.send('GET', `${BASE}/versions/1`, await c.tokens.employeeB())).statusCode).toBe(403);
  });

  const bad: [string, Method, string, unknown, string, string[]][] = [
    [
      'draft: missing fields',
      'POST',
      '/api/v1/frameworks',
      { frameworkId: 'y' },
      'VALIDATION_FAILED',
      ['agencyId', 'name'],
    ],
    [
      'draft: unknown field',
      'POST',
      '/api/v1/frameworks',
      { frameworkId: 'y', agencyId: AGENCY_A, name: 'Y', owner: 'me' },
      'VALIDATION_FAILED',
      ['owner'],
    ],
    [
      'draft: id not a slug',
      'POST',
      '/api/v1/frameworks',
      { frameworkId: 'Has Spaces', agencyId: AGENCY_A, name: 'Y' },
      'VALIDATION_FAILED',
      ['frameworkId'],
    ],
    [
      'draft: blank name',
      'POST',
      '/api/v1/frameworks',
      { frameworkId: 'y', agencyId: AGENCY_A, name: '   ' },
      'INVALID_TEXT',
      ['name'],
    ],
    [
      'technical: 4 levels',
      'POST',
      `${BASE}/draft/technical-competencies`,
      { ...pedagogik, code: 'NUMERASI', levels: ['a', 'b', 'c', 'd'] },
      'VALIDATION_FAILED',
      ['levels'],
    ],
    [
      'technical: lowercase code',
      'POST',
      `${BASE}/draft/technical-competencies`,
      { ...pedagogik, code: 'numerasi' },
      'VALIDATION_FAILED',
      ['code'],
    ],
    [
      'technical: blank level',
      'POST',
      `${BASE}/draft/technical-competencies`,
      { ...pedagogik, code: 'NUMERASI', levels: ['a', 'b', ' ', 'd', 'e'] },
      'INVALID_LEVEL_DESCRIPTORS',
      ['levels.2'],
    ],
    [
      'requirement: level 6',
      'PUT',
      `${BASE}/draft/position-requirements/guru`,
      { positionTitle: 'Guru', levels: [{ competencyCode: 'INTEGRITAS', level: 6 }] },
      'VALIDATION_FAILED',
      ['levels.0.level'],
    ],
    [
      'requirement: level as text',
      'PUT',
      `${BASE}/draft/position-requirements/guru`,
      { positionTitle: 'Guru', levels: [{ competencyCode: 'INTEGRITAS', level: '3' }] },
      'VALIDATION_FAILED',
      ['levels.0.level'],
    ],
    [
      'requirement: unknown competency',
      'PUT',
      `${BASE}/draft/position-requirements/guru`,
      { positionTitle: 'Guru', levels: [{ competencyCode: 'TERBANG', level: 3 }] },
      'UNKNOWN_COMPETENCY',
      ['levels.0.competencyCode'],
    ],
    [
      'requirement: duplicate competency',
      'PUT',
      `${BASE}/draft/position-requirements/guru`,
      {
        positionTitle: 'Guru',
        levels: [
          { competencyCode: 'INTEGRITAS', level: 3 },
          { competencyCode: 'INTEGRITAS', level: 2 },
        ],
      },
      'DUPLICATE_REQUIRED_COMPETENCY',
      ['levels.1'],
    ],
    [
      'requirement: no levels',
      'PUT',
      `${BASE}/draft/position-requirements/guru`,
      { positionTitle: 'Guru', levels: [] },
      'VALIDATION_FAILED',
      ['levels'],
    ],
    [
      'comment: unknown criterion',
      'POST',
      `${BASE}/draft/comments`,
      { criterionCode: 'TERBANG', text: 'x' },
      'UNKNOWN_CRITERION',
      ['criterionCode'],
    ],
    [
      'comment: blank text',
      'POST',
      `${BASE}/draft/comments`,
      { criterionCode: 'INTEGRITAS', text: '  ' },
      'INVALID_TEXT',
      ['text'],
    ],
  ];
  it.each(bad)(
    '%s: 400 with a code naming the field, nothing written',
    async (_label, method, url, body, code, fields) => {
      const before = await c.countEvents();
      const response = await c.send(method, url, await c.tokens.hrA(), body);
      expect(response.statusCode).toBe(400);
      const error = response.json() as { code: string; details?: { field?: string }[] };
      expect(error.code).toBe(code);
      for (const field of fields) expect(error.details?.map((d) => d.field)).toContain(field);
      expect(await c.countEvents()).toBe(before);
    },
  );

  it('a code already used (built-in or technical) is 409 DUPLICATE_COMPETENCY_CODE, nothing written', async () => {
    const before = await c.countEvents();
    for (const code of ['INTEGRITAS', 'AKUNTABEL', 'PEDAGOGIK']) {
      const response = await c.send('POST', `${BASE}/draft/technical-competencies`, await c.tokens.hrA(), {
        ...pedagogik,
        code,
      });
      expect([code, response.statusCode]).toEqual([code, 409]);
      expect(response.json()).toMatchObject({ code: 'DUPLICATE_COMPETENCY_CODE' });
    }
    expect(await c.countEvents()).toBe(before);
  });

  it('a malformed If-Match, version or query is 400 and writes nothing; an unknown framework is 404', async () => {
    const hr = await c.tokens.hrA();
    const before = await c.countEvents();
    const ifMatch = await c.send(
      'POST',
      `${BASE}/draft/technical-competencies`,
      hr,
      { ...pedagogik, code: 'NUMERASI' },
      { 'if-match': 'yesterday' },
    );
    expect(ifMatch.json()).toMatchObject({ statusCode: 400, code: 'INVALID_IF_MATCH' });
    for (const url of [
      `${BASE}/versions/abc`,
      `${BASE}/versions/0`,
      `${BASE}/versions?limit=0`,
      `${BASE}/versions?status=FINAL`,
      '/api/v1/frameworks?limit=501',
      `${BASE}/versions/1/comments?after=-1`,
    ]) {
      const response = await c.send('GET', url, hr);
      expect([url, response.statusCode, (response.json() as { code: string }).code]).toEqual([
        url,
        400,
        'VALIDATION_FAILED',
      ]);
    }
    const missing = await c.send('POST', '/api/v1/frameworks/tidak-ada/draft/technical-competencies', hr, pedagogik);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'FRAMEWORK_NOT_FOUND' });
    expect((await c.send('GET', `${BASE}/versions/99`, hr)).json()).toMatchObject({
      statusCode: 404,
      code: 'VERSION_NOT_FOUND',
    });
    expect(await c.countEvents()).toBe(before);
  });
});
