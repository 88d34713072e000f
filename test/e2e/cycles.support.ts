// Shared set-up of the cycle e2e specs. The organization (organization.fixtures.ts, built through HTTP):
//   kota-manokwari: dinas (head KADIS) > bidang-sd (head KABID) > sd-3 (head KEPSEK; GURU1, GURU2),
//                   dinas > bidang-smp (vacant; PLT).   kab-sorong: setda (OTHER).
// A cycle rooted at bidang-sd covers KABID, KEPSEK, GURU1, GURU2 and not KADIS nor PLT. Populations (policy
// scope UNIT): bidang-sd = {KABID}, sd-3 = {KEPSEK, GURU1, GURU2}. The leader one level up of sd-3 is KABID
// (the rater of its head KEPSEK); of bidang-sd, KADIS; dinas (the agency's root) has none: HR/ADMIN only.
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { Predikat, Rating } from '../../libs/policy/src/policy.js';
import type { ApiHarness } from '../support/api-harness.js';
import { A, B, NIPS } from './organization.fixtures.js';

export { A, B, NIPS };

export const ROOT = 'bidang-sd';
export const IN_SCOPE = [NIPS.KABID, NIPS.KEPSEK, NIPS.GURU1, NIPS.GURU2].sort();

export const openBody = (cycleId: string, overrides: Record<string, unknown> = {}) => ({
  cycleId,
  agencyId: A,
  name: `Penilaian Kinerja 2026 (${cycleId})`,
  kind: 'ANNUAL',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  rootUnitId: ROOT,
  ...overrides,
});

export type Who =
  'anonymous' | 'EMPLOYEE own' | 'RATER' | 'RATER_SUPERVISOR' | 'HR own' | 'HR other' | 'AUDITOR' | 'ADMIN';
export const EVERYONE: Who[] = [
  'anonymous',
  'EMPLOYEE own',
  'RATER',
  'RATER_SUPERVISOR',
  'HR own',
  'HR other',
  'AUDITOR',
  'ADMIN',
];

/**
 * One principal per column of the access matrix. RATER is KEPSEK (rates GURU1, GURU2); RATER_SUPERVISOR is
 * KABID (rates KEPSEK, supervises the raters of GURU1 and GURU2, and is the leader one level up of sd-3).
 */
export async function tokenOf(h: ApiHarness, who: Who): Promise<string | undefined> {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'EMPLOYEE own':
      return h.token({ sub: 'guru-1', roles: [Role.EMPLOYEE], agencyId: A, nip: NIPS.GURU1 });
    case 'RATER':
      return h.token({ sub: 'kepsek', roles: [Role.EMPLOYEE, Role.RATER], agencyId: A, nip: NIPS.KEPSEK });
    case 'RATER_SUPERVISOR':
      return h.token({
        sub: 'kabid',
        roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
        agencyId: A,
        nip: NIPS.KABID,
      });
    case 'HR own':
      return h.token({ sub: 'hr-a', roles: [Role.HR], agencyId: A });
    case 'HR other':
      return h.token({ sub: 'hr-b', roles: [Role.HR], agencyId: B });
    case 'AUDITOR':
      return h.token({ sub: 'aud-1', roles: [Role.AUDITOR] });
    case 'ADMIN':
      return h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
  }
}

export function cycleClient(h: ApiHarness) {
  const send = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => h.request({ method, url, token, body, headers });
  return {
    send,
    /** A write as `who` that must succeed (201 for POST, 200 for PUT, or `status`); returns the parsed body. */
    ok: async (method: 'POST' | 'PUT', url: string, token: string | undefined, body?: unknown, status?: number) => {
      const r = await send(method, url, token, body);
      const expected = status ?? (method === 'POST' ? 201 : 200);
      expect({ url, status: r.statusCode, body: r.json() }).toMatchObject({ url, status: expected });
      return r.json() as Record<string, unknown>;
    },
    /** Polls a GET until it answers 200 and `ready` holds (read models follow the events asynchronously). */
    eventually: <T>(url: string, token: string | undefined, ready: (body: T) => boolean = () => true) =>
      h.eventually(async () => {
        const r = await send('GET', url, token);
        if (r.statusCode !== 200) return undefined;
        const body = r.json() as T;
        return ready(body) ? body : undefined;
      }),
    /**
     * Moves the cycle on, confirming past any readiness report: these fixtures rarely bring every plan and rating
     * to where the next phase needs them (the readiness gate itself: cycles.readiness.e2e.spec.ts).
     */
    advance: async (cycleId: string, token: string | undefined, ...phases: string[]) => {
      for (const to of phases) {
        const r = await send('POST', `/api/v1/cycles/${cycleId}/phase`, token, {
          to,
          reason: `to ${to}`,
          confirmNotReady: true,
        });
        expect({ to, status: r.statusCode, body: r.json() }).toMatchObject({ to, status: 201 });
      }
    },
  };
}

const RATINGS_FOR: Record<Predikat, [Rating, Rating]> = {
  SANGAT_BAIK: ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
  BAIK: ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  BUTUH_PERBAIKAN: ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  KURANG: ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
  SANGAT_KURANG: ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
};

/**
 * Test shortcut: an approved supervisor rating with `predikat`, appended to the appraisal stream as the rating
 * routes would leave it (planning, self-assessment and the rating routes are tested in the appraisal specs;
 * here only the cycle-level steps that follow matter). Goes through the hash-chaining store like any write.
 */
export async function appendApprovedRating(
  h: ApiHarness,
  cycleId: string,
  nip: string,
  predikat: Predikat,
  raterNip: string,
  approverNip: string,
  competencyLevels: { code: string; level: number }[] = [],
): Promise<void> {
  const stream = appraisalStreamName(cycleId, nip);
  const store = h.api.infrastructure.eventStore;
  const last = (await store.readStream(stream)).at(-1);
  expect(last).toBeDefined();
  const [hasilKerja, perilaku] = RATINGS_FOR[predikat];
  const at = '2026-12-15T01:00:00.000Z';
  const metadata = (role: string, id: string) => ({
    actor: { id, role },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: at,
  });
  await store.appendToStream(
    stream,
    [
      {
        id: randomUUID(),
        type: 'SupervisorRatingSubmitted.v1',
        data: {
          version: 1,
          raterNip,
          realisations: [],
          hasilKerja,
          perilaku,
          predikat,
          valueNotes: [],
          competencyLevels,
          justification: predikat === 'BAIK' ? null : 'bukti dukung terlampir',
          evidenceIds: [],
          conflictOfInterestDeclarationIds: [],
          forDialogue: false,
          submittedAt: at,
        },
        metadata: metadata('RATER', raterNip),
      },
      {
        id: randomUUID(),
        type: 'RatingApproved.v1',
        data: { version: 1, predikat, approvedByNip: approverNip, approvedAt: at },
        metadata: metadata('RATER_SUPERVISOR', approverNip),
      },
    ],
    { expected: last!.revision },
  );
}
