// The README's demo walk-through ("Demo data"), run through HTTP against what `seed-demo` leaves: the demo cycle in
// ASSESSMENT, not ready for DETERMINATION (the printed teacher not rated, two teachers whose plans stayed drafts,
// the Kepala Bidang whose rating nobody in the agency can approve). Rating the teacher, excluding the three,
// determining each population and publishing reaches a published result the teacher can read.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeedDemoCommand } from '../../apps/cli/src/commands/seed-demo.js';
import { walkThroughPeople } from '../../libs/organization-import/src/demo/demo-cast.js';
import { Role } from '../../libs/auth/src/index.js';
import { loadConfig } from '../../libs/config/src/config.js';
import { generateDemoAgency } from '../../libs/organization-import/src/demo/demo-agency.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const C = '/api/v1/cycles/skp-2026-disdik-manokwari';
const AGENCY = 'disdik-manokwari';
const demo = generateDemoAgency();
const { guru, stranded } = walkThroughPeople(demo);
const headOf = (unitId: string) => demo.people.find((p) => p.head && p.unitId === unitId)!;

interface Readiness {
  notReady: number;
  byStatus: { status: string; count: number }[];
}

describe('the README demo walk-through reaches a published result', () => {
  let h: ApiHarness;
  let dir: string;
  const tokens: Record<'hr' | 'kabid' | 'kepsek' | 'guru', string> = { hr: '', kabid: '', kepsek: '', guru: '' };
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, body?: unknown) =>
    h.request({ method, url, token, body });
  const ok = async (method: 'POST' | 'PUT', url: string, token: string, body?: unknown) => {
    const r = await send(method, url, token, body);
    expect({ url, status: r.statusCode, body: r.json() }).toMatchObject({ status: method === 'POST' ? 201 : 200 });
    return r.json() as Record<string, unknown>;
  };

  beforeAll(async () => {
    h = await startApiHarness();
    dir = await mkdtemp(join(tmpdir(), 'kinerja-walk-'));
    const seed = createSeedDemoCommand({
      open: async () => ({ eventStore: h.api.infrastructure.eventStore, close: async () => undefined }),
      output: { write: () => true },
    });
    const config = loadConfig({ DATABASE_URL: h.db.url, AUTH_DEV_KEY_FILE: join(dir, 'key.json'), LOG_LEVEL: 'error' });
    expect(await seed.run([], config)).toBe(0);
    const person = (sub: string, nip: string, roles: Role[]) => h.token({ sub, roles, agencyId: AGENCY, nip });
    tokens.hr = await h.token({ sub: 'hr-disdik-manokwari', roles: [Role.HR], agencyId: AGENCY });
    tokens.kabid = await person('kabid', headOf('bid-sd').nip, [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR]);
    tokens.kepsek = await person('kepsek', headOf('sdn-01-manokwari').nip, [Role.EMPLOYEE, Role.RATER]);
    tokens.guru = await person('guru', guru.nip, [Role.EMPLOYEE]);
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('readiness for DETERMINATION names who is in the way', async () => {
    const report = await h.eventually(async () => {
      const r = (await send('GET', `${C}/readiness`, tokens.hr)).json() as Readiness;
      return r.notReady === 4 ? r : undefined;
    });
    expect(report.byStatus).toEqual([
      { status: 'NOT_RATED', count: 3 },
      { status: 'SUBMITTED', count: 1 },
    ]);
    const people = (await send('GET', `${C}/readiness/people`, tokens.hr)).json() as { items: { nip: string }[] };
    expect(people.items.map((p) => p.nip).sort()).toEqual(
      [guru.nip, headOf('bid-sd').nip, ...stranded.map((p) => p.nip)].sort(),
    );
  });

  it('rate the teacher, exclude the three, determine every population, publish', async () => {
    const appraisal = `${C}/appraisals/${guru.nip}`;
    await ok('POST', `${appraisal}/ratings`, tokens.kepsek, {
      realisations: [{ rhkId: 'rhk-2026-1', ikiId: 'iki-2026-1', value: 100 }],
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    await ok('POST', `${appraisal}/ratings/1/approval`, tokens.kabid);
    const listed = async (status: string) =>
      ((await send('GET', `${C}/readiness/people?status=${status}`, tokens.hr)).json() as { items: { nip: string }[] })
        .items;
    await h.eventually(async () => ((await listed('NOT_RATED')).length === 2 ? true : undefined));
    for (const { nip } of await listed('NOT_RATED')) {
      await ok('POST', `${C}/appraisals/${nip}/exclusion`, tokens.hr, {
        category: 'LONG_LEAVE',
        reason: 'cuti di luar tanggungan negara sejak Februari 2026',
      });
    }
    for (const { nip } of await listed('SUBMITTED')) {
      await ok('POST', `${C}/appraisals/${nip}/exclusion`, tokens.hr, {
        category: 'OTHER',
        reason: 'atasan pejabat penilai (Sekda) di luar aplikasi; dinilai di Setda',
      });
    }
    await h.eventually(async () => {
      const r = (await send('GET', `${C}/readiness`, tokens.hr)).json() as Readiness;
      return r.notReady === 0 ? r : undefined;
    });
    await ok('POST', `${C}/phase`, tokens.hr, { to: 'DETERMINATION', reason: 'penetapan predikat kinerja 2026' });

    const distribution = (await send('GET', `${C}/distribution`, tokens.hr)).json() as {
      populations: { populationId: string }[];
    };
    expect(distribution.populations).toHaveLength(10); // the bidang's only member, its head, is excluded
    for (const { populationId } of distribution.populations) {
      const population = `${C}/populations/${populationId}`;
      await ok('PUT', `${population}/unit-predikat`, tokens.hr, { unitPredikat: 'BAIK', reason: 'capaian 2026' });
      await ok('POST', `${population}/determination`, tokens.hr, {
        overrideJustification: 'demo: semua pegawai dinilai sesuai ekspektasi',
      });
    }
    const published = await ok('POST', `${C}/phase`, tokens.hr, { to: 'PUBLISHED', reason: 'hasil diumumkan' });
    expect(published.publication).toEqual({ resultsPublished: 94, resultsRefused: [] });
  });

  it('the teacher reads the published result and acknowledges it', async () => {
    expect((await send('GET', `${C}/appraisals/${guru.nip}`, tokens.guru)).statusCode).toBe(200);
    const own = await h.eventually(async () => {
      const page = (await send('GET', `${C}/appraisals`, tokens.guru)).json() as {
        items: { nip: string; published: boolean; publishedPredikat: string | null }[];
      };
      return page.items[0]?.published ? page.items : undefined;
    });
    expect(own).toEqual([expect.objectContaining({ nip: guru.nip, publishedPredikat: 'BAIK' })]);
    await ok('POST', `${C}/appraisals/${guru.nip}/receipt`, tokens.guru);
  });
});
