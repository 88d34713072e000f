// Who may publish and read policy versions: every route x role, own agency and another agency's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const OWN = 'kota-manokwari';
const OTHER = 'kab-sorong';
const NIP = '198503152010011002';

type Who = 'anonymous' | 'ADMIN' | 'AUDITOR' | 'HR own' | 'HR other' | 'EMPLOYEE own' | 'RATER own';

describe('policy routes: access matrix', () => {
  let h: ApiHarness;
  let serial = 0;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const tokenOf = async (who: Who): Promise<string | undefined> => {
    switch (who) {
      case 'anonymous':
        return undefined;
      case 'ADMIN':
        return h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
      case 'AUDITOR':
        return h.token({ sub: 'auditor-1', roles: [Role.AUDITOR] });
      case 'HR own':
        return h.token({ sub: 'hr-own', roles: [Role.HR], agencyId: OWN });
      case 'HR other':
        return h.token({ sub: 'hr-other', roles: [Role.HR], agencyId: OTHER });
      case 'EMPLOYEE own':
        return h.token({ sub: 'e-1', roles: [Role.EMPLOYEE], agencyId: OWN, nip: NIP });
      case 'RATER own':
        return h.token({ sub: 'r-1', roles: [Role.RATER, Role.EMPLOYEE], agencyId: OWN, nip: NIP });
    }
  };
  const countEvents = () => h.countEvents();

  // Each publish gets a distinct policy so that an allowed one is never refused as unchanged.
  const body = () => ({ policy: { ...DEFAULT_POLICY, title: `versi uji ${++serial}` }, reason: 'uji akses' });

  const publishCases: [Who, string, number][] = [
    ['ADMIN', 'national', 201],
    ['ADMIN', OTHER, 201],
    ['HR own', OWN, 201],
    ['HR own', 'national', 403],
    ['HR other', OWN, 403],
    ['AUDITOR', OWN, 403],
    ['AUDITOR', 'national', 403],
    ['EMPLOYEE own', OWN, 403],
    ['RATER own', OWN, 403],
    ['anonymous', OWN, 401],
  ];
  it.each(publishCases)('POST /policies/{scope}/versions as %s on %s: %d', async (who, scope, status) => {
    const before = await countEvents();
    const response = await h.request({
      method: 'POST',
      url: `/api/v1/policies/${scope}/versions`,
      token: await tokenOf(who),
      body: body(),
    });
    expect(response.statusCode).toBe(status);
    expect(await countEvents()).toBe(status === 201 ? before + 1 : before);
    if (status === 403) expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    if (status === 201) {
      const events = await h.api.infrastructure.rawEventStore.readStream(`policy-${scope}`);
      expect(events.at(-1)?.metadata.actor.role).toBe(who === 'HR own' ? 'HR' : 'ADMIN');
    }
  });

  const readCases: [Who, string, number][] = [
    ['ADMIN', OTHER, 200],
    ['AUDITOR', OWN, 200],
    ['AUDITOR', OTHER, 200],
    ['HR own', OWN, 200],
    ['HR own', 'national', 200],
    ['HR own', OTHER, 403],
    ['HR other', OWN, 403],
    ['EMPLOYEE own', OWN, 200],
    ['EMPLOYEE own', 'national', 200],
    ['EMPLOYEE own', OTHER, 403],
    ['RATER own', OWN, 200],
    ['anonymous', 'national', 401],
  ];
  const readRoutes = ['current', 'versions', 'versions/1'];
  it.each(readCases)('GET current, versions and versions/1 as %s on %s: %d', async (who, scope, status) => {
    const token = await tokenOf(who);
    // The read model follows the events: wait until every version published above is visible (each scope's own
    // event; one projection batch may hold one scope's version and not yet another's).
    const admin = await tokenOf('ADMIN');
    for (const published of ['national', OTHER, OWN]) {
      await h.eventually(async () => {
        const r = await h.request({ method: 'GET', url: `/api/v1/policies/${published}/versions/1`, token: admin });
        return r.statusCode === 200 ? true : undefined;
      });
    }
    for (const route of readRoutes) {
      const response = await h.request({ method: 'GET', url: `/api/v1/policies/${scope}/${route}`, token });
      expect([route, response.statusCode]).toEqual([route, status]);
      if (status === 403) expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
