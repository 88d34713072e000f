// Shared set-up of the appraisal e2e specs. The organization is built through the HTTP API (the reviewer and
// conflict-of-interest facts are read from its streams); the cycle, its appraisals and its phase changes are
// appended directly to the event store (CycleOpened / AppraisalStarted / CyclePhaseAdvanced with the built-in
// policy), so these specs depend on the appraisal routes only, not on the cycle routes.
//
// kota-manokwari: dinas (KADIS) > bidang-sd (KABID) > sd-3 (KEPSEK; GURU1..GURU5) and sd-5 (KEPSEK2; GURU6).
// kab-sorong: setda (OTHER). GURU1 is the appraised employee; KEPSEK rates GURU1..5, KABID is their rater's
// supervisor; GURU2..4 become GURU1's peer reviewers, GURU5 is a colleague with no role in GURU1's appraisal.
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName, type AppraisalEvent } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { cycleStreamName, type CycleEvent, type CyclePhase } from '../../libs/appraisal/src/cycle/cycle-events.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import type { Predikat, Rating } from '../../libs/policy/src/policy.js';
import type { ApiHarness } from '../support/api-harness.js';

export const A = 'kota-manokwari';
export const B = 'kab-sorong';
export const CYCLE = 'skp-2025-manokwari';
export const NIPS = {
  KADIS: '197001012000011001',
  KABID: '197501012000011001',
  KEPSEK: '198001012005011001',
  KEPSEK2: '198102022006011002',
  GURU1: '198503152010011002',
  GURU2: '199001012015032001',
  GURU3: '199102022016031003',
  GURU4: '199203032017032004',
  GURU5: '199304042018031005',
  GURU6: '199405052019032006',
  OTHER: '198601012012011001',
} as const;

export const appraisalUrl = (nip: string, cycleId = CYCLE) => `/api/v1/cycles/${cycleId}/appraisals/${nip}`;

export type TokenName =
  | 'admin'
  | 'hrA'
  | 'hrB'
  | 'auditor'
  | 'guru1'
  | 'guru2'
  | 'guru3'
  | 'guru4'
  | 'guru5'
  | 'guru6'
  | 'kepsek'
  | 'kepsek2'
  | 'kabid';
export type Tokens = Record<TokenName, string>;

export async function tokensFor(h: ApiHarness): Promise<Tokens> {
  const person = (sub: string, nip: string, ...roles: Role[]) =>
    h.token({ sub, roles: [Role.EMPLOYEE, ...roles], agencyId: A, nip });
  return {
    admin: await h.token({ sub: 'admin-1', roles: [Role.ADMIN] }),
    hrA: await h.token({ sub: 'hr-a', roles: [Role.HR], agencyId: A }),
    hrB: await h.token({ sub: 'hr-b', roles: [Role.HR], agencyId: B }),
    auditor: await h.token({ sub: 'auditor-1', roles: [Role.AUDITOR] }),
    guru1: await person('guru-1', NIPS.GURU1),
    guru2: await person('guru-2', NIPS.GURU2),
    guru3: await person('guru-3', NIPS.GURU3),
    guru4: await person('guru-4', NIPS.GURU4),
    guru5: await person('guru-5', NIPS.GURU5),
    guru6: await person('guru-6', NIPS.GURU6),
    kepsek: await person('kepsek', NIPS.KEPSEK, Role.RATER),
    kepsek2: await person('kepsek-2', NIPS.KEPSEK2, Role.RATER),
    kabid: await person('kabid', NIPS.KABID, Role.RATER, Role.RATER_SUPERVISOR),
  };
}

type Method = 'GET' | 'POST' | 'PUT';

export interface Sent {
  status: number;
  body: Record<string, unknown>;
  etag: string | undefined;
}

export async function send(
  h: ApiHarness,
  method: Method,
  url: string,
  token: string | undefined,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Sent> {
  const response = await h.request({ method, url, token, body, headers });
  return {
    status: response.statusCode,
    body: response.body.length > 0 ? (response.json() as Record<string, unknown>) : {},
    etag: response.headers.etag as string | undefined,
  };
}

/** Sends and expects a success (201 for POST, 200 for PUT/GET), showing the body when it is not. */
export async function ok(
  h: ApiHarness,
  method: Method,
  url: string,
  token: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Sent> {
  const sent = await send(h, method, url, token, body, headers);
  expect({ method, url, status: sent.status, body: sent.body }).toMatchObject({
    status: method === 'POST' ? 201 : 200,
  });
  return sent;
}

const UNITS: [string, string | undefined, string | null][] = [
  ['dinas', undefined, NIPS.KADIS],
  ['bidang-sd', 'dinas', NIPS.KABID],
  ['sd-3', 'bidang-sd', NIPS.KEPSEK],
  ['sd-5', 'bidang-sd', NIPS.KEPSEK2],
];
const PEOPLE: [string, string][] = [
  [NIPS.KADIS, 'dinas'],
  [NIPS.KABID, 'bidang-sd'],
  [NIPS.KEPSEK, 'sd-3'],
  [NIPS.KEPSEK2, 'sd-5'],
  [NIPS.GURU1, 'sd-3'],
  [NIPS.GURU2, 'sd-3'],
  [NIPS.GURU3, 'sd-3'],
  [NIPS.GURU4, 'sd-3'],
  [NIPS.GURU5, 'sd-3'],
  [NIPS.GURU6, 'sd-5'],
];

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

/** Both agencies, their units and heads, and every employee, through the API. */
export async function buildOrganization(h: ApiHarness, t: Tokens): Promise<void> {
  await ok(h, 'POST', '/api/v1/agencies', t.admin, {
    agencyId: A,
    name: 'Disdik Manokwari',
    timeZone: 'Asia/Jayapura',
  });
  await ok(h, 'POST', '/api/v1/agencies', t.admin, {
    agencyId: B,
    name: 'Kabupaten Sorong',
    timeZone: 'Asia/Jayapura',
  });
  for (const [unitId, parentUnitId] of UNITS) {
    await ok(h, 'POST', `/api/v1/agencies/${A}/units`, t.hrA, { unitId, name: `Unit ${unitId}`, parentUnitId });
  }
  await ok(h, 'POST', `/api/v1/agencies/${B}/units`, t.hrB, { unitId: 'setda', name: 'Sekretariat Daerah' });
  for (const [nip, unitId] of PEOPLE) await ok(h, 'POST', '/api/v1/employees', t.hrA, employee(nip, A, unitId));
  await ok(h, 'POST', '/api/v1/employees', t.hrB, employee(NIPS.OTHER, B, 'setda'));
  for (const [unitId, , head] of UNITS) {
    if (head) await ok(h, 'PUT', `/api/v1/agencies/${A}/units/${unitId}/head`, t.hrA, { nip: head });
  }
}

const metadata = (occurredAt: string) => ({
  actor: { id: 'e2e-setup', role: Role.HR },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt,
});

/** Appends as the cycle or another route would (test set-up of states the routes under test start from). */
export async function append(h: ApiHarness, stream: string, events: (AppraisalEvent | CycleEvent)[]): Promise<void> {
  const at = new Date().toISOString();
  await h.api.infrastructure.eventStore.appendToStream(
    stream,
    events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata: metadata(at),
    })),
    { expected: 'any' },
  );
}

const POLICY_REF = { scope: 'national', version: 1 };

/** Who is appraised in the test cycle, with the rater and rater's supervisor the cycle assigned. */
export const APPRAISED: { nip: string; unitId: string; raterNip: string | null; raterSupervisorNip: string | null }[] =
  [
    { nip: NIPS.KEPSEK, unitId: 'sd-3', raterNip: NIPS.KABID, raterSupervisorNip: NIPS.KADIS },
    { nip: NIPS.KEPSEK2, unitId: 'sd-5', raterNip: NIPS.KABID, raterSupervisorNip: NIPS.KADIS },
    ...[NIPS.GURU1, NIPS.GURU2, NIPS.GURU3, NIPS.GURU4, NIPS.GURU5].map((nip) => ({
      nip,
      unitId: 'sd-3',
      raterNip: NIPS.KEPSEK,
      raterSupervisorNip: NIPS.KABID,
    })),
    { nip: NIPS.GURU6, unitId: 'sd-5', raterNip: NIPS.KEPSEK2, raterSupervisorNip: NIPS.KABID },
  ];

/** Opens the cycle and starts the appraisals of APPRAISED (KABID and KADIS have none: KEPSEK plans from the PK). */
export async function openCycle(h: ApiHarness, cycleId = CYCLE): Promise<void> {
  const openedAt = new Date().toISOString();
  const period = { periodStart: '2025-01-01', periodEnd: '2025-12-31', timeZone: 'Asia/Jayapura' };
  await append(h, cycleStreamName(cycleId), [
    {
      type: 'CycleOpened.v1',
      data: {
        cycleId,
        agencyId: A,
        name: 'SKP Tahunan 2025',
        kind: 'ANNUAL',
        ...period,
        rootUnitId: 'dinas',
        unitIds: UNITS.map(([unitId]) => unitId),
        frameworkRef: null,
        policyRef: POLICY_REF,
        policy: DEFAULT_POLICY,
        openedAt,
      },
    },
  ]);
  for (const a of APPRAISED) {
    await append(h, appraisalStreamName(cycleId, a.nip), [
      {
        type: 'AppraisalStarted.v1',
        data: {
          cycleId,
          nip: a.nip,
          agencyId: A,
          unitId: a.unitId,
          jobType: 'FUNGSIONAL',
          raterNip: a.raterNip,
          raterSupervisorNip: a.raterSupervisorNip,
          ...period,
          frameworkRef: null,
          policyRef: POLICY_REF,
          policy: DEFAULT_POLICY,
          reason: 'CYCLE_OPENED',
          startedAt: openedAt,
        },
      },
    ]);
  }
}

export async function advancePhase(h: ApiHarness, from: CyclePhase, to: CyclePhase, cycleId = CYCLE): Promise<void> {
  await append(h, cycleStreamName(cycleId), [
    {
      type: 'CyclePhaseAdvanced.v1',
      data: { from, to, reason: 'e2e', advancedAt: new Date().toISOString() },
    },
  ]);
}

/** A rater change is the cycle's act (HR, another route): appended here as it would be. */
export async function changeRater(
  h: ApiHarness,
  nip: string,
  from: string | null,
  to: { raterNip: string | null; raterSupervisorNip: string | null },
): Promise<void> {
  await append(h, appraisalStreamName(CYCLE, nip), [
    {
      type: 'RaterChanged.v1',
      data: {
        fromRaterNip: from,
        toRaterNip: to.raterNip,
        raterSupervisorNip: to.raterSupervisorNip,
        reason: 'e2e: reporting line corrected',
        changedAt: new Date().toISOString(),
      },
    },
  ]);
}

/** Publication is the cycle's act (another route): appended here as the cycle would, from the approved rating. */
export async function publishResult(
  h: ApiHarness,
  nip: string,
  approved: { version: number; hasilKerja: Rating; perilaku: Rating; predikat: Predikat },
): Promise<void> {
  await append(h, appraisalStreamName(CYCLE, nip), [
    {
      type: 'ResultPublished.v1',
      data: {
        ratingVersion: approved.version,
        hasilKerja: approved.hasilKerja,
        perilaku: approved.perilaku,
        predikat: approved.predikat,
        recommendations: [],
        publishedAt: new Date().toISOString(),
      },
    },
  ]);
}

/** The KEPSEK's own plan: one RHK from the unit's Perjanjian Kinerja (his rater KABID has no appraisal). */
export const kepsekRhk = {
  rhkId: 'rhk-kepsek-1',
  kind: 'UTAMA',
  title: 'Meningkatnya mutu pembelajaran SD Negeri 3',
  cascadesFrom: null,
  perjanjianKinerjaRef: 'PK Bidang SD 2025 sasaran 1',
  iki: [
    {
      ikiId: 'iki-kepsek-1',
      description: 'Rata-rata ketuntasan belajar',
      type: 'QUANTITATIVE',
      aspect: 'KUALITAS',
      target: 85,
      unit: 'persen',
    },
  ],
};

/** A GURU's RHK cascading from the KEPSEK's: one quantitative and one qualitative IKI. */
export const guruRhk = (rhkId: string, ikiPrefix: string) => ({
  rhkId,
  kind: 'UTAMA',
  title: 'Meningkatnya ketuntasan belajar matematika kelas 6',
  cascadesFrom: { raterNip: NIPS.KEPSEK, rhkId: 'rhk-kepsek-1' },
  iki: [
    {
      ikiId: `${ikiPrefix}-1`,
      description: 'Persentase siswa tuntas KKM',
      type: 'QUANTITATIVE',
      aspect: 'KUANTITAS',
      target: 85,
      unit: 'persen',
    },
    {
      ikiId: `${ikiPrefix}-2`,
      description: 'Kualitas perangkat ajar',
      type: 'QUALITATIVE',
      target: 'Modul ajar lengkap dan dipakai',
    },
  ],
});

/** Every BerAKHLAK value with one rating. */
export const allValues = (rating: string) =>
  ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((value) => ({
    value,
    rating,
    note: '',
  }));
