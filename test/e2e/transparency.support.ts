// Shared set-up of the transparency and HR query specs: the organization fixture (sd-3 = KEPSEK, GURU1, GURU2)
// with four more teachers in sd-3, so a cycle rooted at sd-3 has one population of 7 people.
import { expect } from '@jest/globals';
import type { Predikat } from '../../libs/policy/src/policy.js';
import type { ApiHarness } from '../support/api-harness.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';
import { buildOrganization, lineEventually, ok, type Tokens } from './organization.fixtures.js';

export const MORE = ['199201012018011001', '199302022019012002', '199403032020011003', '199504042021012004'];
export const SD3 = [NIPS.KEPSEK, NIPS.GURU1, NIPS.GURU2, ...MORE];

export async function buildSevenPersonUnit(h: ApiHarness, t: Tokens): Promise<void> {
  await buildOrganization(h, t);
  for (const nip of MORE) {
    await ok(h, 'POST', '/api/v1/employees', t.hrA, {
      nip,
      name: `Guru ${nip.slice(-4)}`,
      employmentType: 'PNS',
      agencyId: A,
      unitId: 'sd-3',
      positionTitle: 'Guru Ahli Pertama',
      golongan: 'III/a',
      jobType: 'FUNGSIONAL',
    });
  }
  for (const nip of MORE) await lineEventually(h, t.hrA, nip, (l) => l.rater?.nip === NIPS.KEPSEK);
}

/** Opens a cycle rooted at sd-3 and waits for its 7 appraisals. */
export async function openSd3Cycle(h: ApiHarness, t: Tokens, cycleId: string): Promise<void> {
  const c = cycleClient(h);
  await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(cycleId, { rootUnitId: 'sd-3' }));
  await c.eventually<{ items: unknown[] }>(`/api/v1/cycles/${cycleId}/appraisals`, t.hrA, (p) => p.items.length === 7);
}

/** Approved ratings (the shortcut of cycles.support.ts): KEPSEK rated by KABID, the teachers by KEPSEK. */
export async function rate(h: ApiHarness, cycleId: string, predikat: Record<string, Predikat>): Promise<void> {
  for (const [nip, p] of Object.entries(predikat)) {
    if (nip === NIPS.KEPSEK) await appendApprovedRating(h, cycleId, nip, p, NIPS.KABID, NIPS.KADIS);
    else await appendApprovedRating(h, cycleId, nip, p, NIPS.KEPSEK, NIPS.KABID);
  }
}

/** Unit predikat, determination (with an override justification when given) once all ratings are projected. */
export async function determineSd3(
  h: ApiHarness,
  t: Tokens,
  cycleId: string,
  unitPredikat: string,
  approved: number,
  overrideJustification?: string,
): Promise<void> {
  const c = cycleClient(h);
  const base = `/api/v1/cycles/${cycleId}/populations/sd-3`;
  await c.ok('PUT', `${base}/unit-predikat`, t.hrA, { unitPredikat, reason: 'capaian unit 2026' }, 200);
  await c.advance(cycleId, t.hrA, 'DETERMINATION');
  await c.eventually<{ population: { approved: number } }>(
    `${base}/distribution-check`,
    t.hrA,
    (v) => v.population.approved === approved,
  );
  const sent = await c.send(
    'POST',
    `${base}/determination`,
    t.hrA,
    overrideJustification ? { overrideJustification } : {},
  );
  expect({ status: sent.statusCode, body: sent.json() }).toMatchObject({ status: 201 });
}
