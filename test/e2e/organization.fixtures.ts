// A small organization built through the HTTP API, shared by the organization e2e specs:
// kota-manokwari: dinas (head KADIS) > bidang-sd (head KABID) > sd-3 (head KEPSEK; GURU1, GURU2), and
// bidang-smp (vacant; PLT). kab-sorong: one unit and one employee (OTHER).
import { expect } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import type { ApiHarness } from '../support/api-harness.js';

export const A = 'kota-manokwari';
export const B = 'kab-sorong';
export const NIPS = {
  KADIS: '197001012000011001',
  KABID: '197501012000011001',
  KEPSEK: '198001012005011001',
  GURU1: '198503152010011002',
  GURU2: '199001012015032001',
  PLT: '198201012006011001',
  OTHER: '198601012012011001',
} as const;

export interface Tokens {
  admin: string;
  hrA: string;
  hrB: string;
  auditor: string;
  guru1: string;
  guru2: string;
  kepsek: string;
  employeeB: string;
}

export async function tokensFor(h: ApiHarness): Promise<Tokens> {
  return {
    admin: await h.token({ sub: 'admin-1', roles: [Role.ADMIN] }),
    hrA: await h.token({ sub: 'hr-a', roles: [Role.HR], agencyId: A }),
    hrB: await h.token({ sub: 'hr-b', roles: [Role.HR], agencyId: B }),
    auditor: await h.token({ sub: 'aud-1', roles: [Role.AUDITOR] }),
    guru1: await h.token({ sub: 'guru-1', roles: [Role.EMPLOYEE], agencyId: A, nip: NIPS.GURU1 }),
    guru2: await h.token({ sub: 'guru-2', roles: [Role.EMPLOYEE], agencyId: A, nip: NIPS.GURU2 }),
    kepsek: await h.token({ sub: 'kepsek', roles: [Role.EMPLOYEE, Role.RATER], agencyId: A, nip: NIPS.KEPSEK }),
    employeeB: await h.token({ sub: 'emp-b', roles: [Role.EMPLOYEE], agencyId: B, nip: NIPS.OTHER }),
  };
}

export const countEvents = (h: ApiHarness) => h.countEvents();

export async function ok(h: ApiHarness, method: 'POST' | 'PUT', url: string, token: string, body: unknown) {
  const response = await h.request({ method, url, token, body });
  expect({ url, status: response.statusCode, body: response.json() }).toMatchObject({
    status: method === 'POST' ? 201 : 200,
  });
  return response;
}

const employee = (nip: string, agencyId: string, unitId: string) => ({
  nip,
  name: `Pegawai ${nip.slice(-4)}`,
  employmentType: 'PNS',
  agencyId,
  unitId,
  positionTitle: 'Guru Ahli Pertama',
  golongan: 'III/b',
  jobType: 'FUNGSIONAL',
});

/** Builds both agencies and waits until the reporting lines are projected. */
export async function buildOrganization(h: ApiHarness, t: Tokens): Promise<void> {
  await ok(h, 'POST', '/api/v1/agencies', t.admin, {
    agencyId: A,
    name: 'Dinas Pendidikan Kota Manokwari',
    timeZone: 'Asia/Jayapura',
  });
  await ok(h, 'POST', '/api/v1/agencies', t.admin, {
    agencyId: B,
    name: 'Kabupaten Sorong',
    timeZone: 'Asia/Jayapura',
  });
  const units: [string, string | undefined][] = [
    ['dinas', undefined],
    ['bidang-sd', 'dinas'],
    ['bidang-smp', 'dinas'],
    ['sd-3', 'bidang-sd'],
  ];
  for (const [unitId, parentUnitId] of units) {
    await ok(h, 'POST', `/api/v1/agencies/${A}/units`, t.hrA, { unitId, name: `Unit ${unitId}`, parentUnitId });
  }
  await ok(h, 'POST', `/api/v1/agencies/${B}/units`, t.hrB, { unitId: 'setda', name: 'Sekretariat Daerah' });
  const people: [string, string][] = [
    [NIPS.KADIS, 'dinas'],
    [NIPS.KABID, 'bidang-sd'],
    [NIPS.KEPSEK, 'sd-3'],
    [NIPS.GURU1, 'sd-3'],
    [NIPS.GURU2, 'sd-3'],
    [NIPS.PLT, 'bidang-smp'],
  ];
  for (const [nip, unitId] of people) await ok(h, 'POST', '/api/v1/employees', t.hrA, employee(nip, A, unitId));
  await ok(h, 'POST', '/api/v1/employees', t.hrB, employee(NIPS.OTHER, B, 'setda'));
  for (const [unitId, nip] of [
    ['dinas', NIPS.KADIS],
    ['bidang-sd', NIPS.KABID],
    ['sd-3', NIPS.KEPSEK],
  ]) {
    await ok(h, 'PUT', `/api/v1/agencies/${A}/units/${unitId}/head`, t.hrA, { nip });
  }
  await lineEventually(
    h,
    t.hrA,
    NIPS.GURU1,
    (l) => l.rater?.nip === NIPS.KEPSEK && l.raterSupervisor?.nip === NIPS.KABID,
  );
}

export interface Line {
  rater: { nip: string; name: string | null } | null;
  raterSupervisor: { nip: string; name: string | null } | null;
  source: string;
  reason: string | null;
}

/** Polls GET reporting-line until `accept` holds (the read model follows the events asynchronously). */
export function lineEventually(
  h: ApiHarness,
  token: string,
  nip: string,
  accept: (line: Line) => boolean,
): Promise<Line> {
  return h.eventually(async () => {
    const r = await h.request({ method: 'GET', url: `/api/v1/employees/${nip}/reporting-line`, token });
    if (r.statusCode !== 200) return undefined;
    const line = r.json() as Line;
    return accept(line) ? line : undefined;
  });
}
