// The real API on the run's embedded PostgreSQL, listening on a free port, with the demo seed walked to a
// published result as the README's walk-through does (test/e2e/demo-walkthrough.e2e.spec.ts), plus one filed
// objection, so the console has every view to show.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeedDemoCommand } from '../../apps/cli/src/commands/seed-demo.js';
import { demoUsers, type DemoUser } from '../../apps/api/src/dev/demo-users.js';
import { loadConfig } from '../../libs/config/src/config.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

export const CYCLE = 'skp-2026-disdik-manokwari';
const C = `/api/v1/cycles/${CYCLE}`;

export interface ConsoleFixture {
  h: ApiHarness;
  baseUrl: string;
  /** NIPs of the demo users by picker id. */
  nip: (userId: string) => string;
  close(): Promise<void>;
}

export async function startConsoleFixture(): Promise<ConsoleFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-console-'));
  const keyFile = join(dir, 'dev-key.json');
  // The picker's tokens must verify: the API and the dev route share the harness's key file.
  // The sealer on, so the replay's integrity names the seal that covers the events (README "Tamper evidence").
  const h = await startApiHarness({ AUTH_DEV_KEY_FILE: keyFile, AUDIT_SEALER: 'on', AUDIT_SEAL_INTERVAL_MS: '300' });
  const seed = createSeedDemoCommand({
    open: async () => ({ eventStore: h.api.infrastructure.eventStore, close: async () => undefined }),
    output: { write: () => true },
  });
  const seeded = await seed.run(
    [],
    loadConfig({ DATABASE_URL: h.db.url, AUTH_DEV_KEY_FILE: keyFile, LOG_LEVEL: 'error' }),
  );
  if (seeded !== 0) throw new Error(`seed-demo exited ${seeded}`);
  await walkToPublished(h);
  const fastify = h.api.app.getHttpAdapter().getInstance();
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fastify.server.address() as AddressInfo;
  const byId = new Map<string, DemoUser>(demoUsers().map((u) => [u.id, u]));
  return {
    h,
    baseUrl: `http://127.0.0.1:${port}`,
    nip: (id) => byId.get(id)?.nip ?? '',
    async close() {
      await h.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function tokenOf(h: ApiHarness, userId: string): Promise<string> {
  const r = await h.request({ method: 'POST', url: '/api/v1/dev/tokens', body: { userId } });
  if (r.statusCode !== 201) throw new Error(`dev token for ${userId}: ${r.statusCode} ${r.body}`);
  return (r.json() as { token: string }).token;
}

/** The README walk-through: rate the teacher, exclude the three stranded, determine, publish; then an objection. */
async function walkToPublished(h: ApiHarness): Promise<void> {
  const [hr, kabid, kepsek, guru] = await Promise.all(
    ['hr', 'kepala-bidang', 'kepala-sekolah', 'guru'].map((id) => tokenOf(h, id)),
  );
  const guruNip = demoUsers().find((u) => u.id === 'guru')!.nip!;
  const ok = async (method: 'POST' | 'PUT', url: string, token: string, body?: unknown) => {
    const r = await h.request({ method, url, token, body });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, unknown>;
  };
  const get = async <T>(url: string, token: string) => (await h.request({ method: 'GET', url, token })).json() as T;
  await h.eventually(
    async () => ((await get<{ notReady: number }>(`${C}/readiness`, hr)).notReady === 4 ? true : undefined),
    60_000,
  );
  await ok('POST', `${C}/appraisals/${guruNip}/ratings`, kepsek, {
    realisations: [{ rhkId: 'rhk-2026-1', ikiId: 'iki-2026-1', value: 100 }],
    hasilKerja: 'SESUAI_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
  });
  await ok('POST', `${C}/appraisals/${guruNip}/ratings/1/approval`, kabid);
  type People = { items: { nip: string }[] };
  const listed = (status: string) => get<People>(`${C}/readiness/people?status=${status}`, hr);
  await h.eventually(async () => ((await listed('NOT_RATED')).items.length === 2 ? true : undefined));
  for (const { nip } of (await listed('NOT_RATED')).items) {
    await ok('POST', `${C}/appraisals/${nip}/exclusion`, hr, {
      category: 'LONG_LEAVE',
      reason: 'cuti di luar tanggungan negara sejak Februari 2026',
    });
  }
  for (const { nip } of (await listed('SUBMITTED')).items) {
    await ok('POST', `${C}/appraisals/${nip}/exclusion`, hr, {
      category: 'OTHER',
      reason: 'atasan pejabat penilai (Sekda) di luar aplikasi; dinilai di Setda',
    });
  }
  await h.eventually(async () =>
    (await get<{ notReady: number }>(`${C}/readiness`, hr)).notReady === 0 ? true : undefined,
  );
  await ok('POST', `${C}/phase`, hr, { to: 'DETERMINATION', reason: 'penetapan predikat kinerja 2026' });
  const distribution = await get<{ populations: { populationId: string }[] }>(`${C}/distribution`, hr);
  for (const { populationId } of distribution.populations) {
    const population = `${C}/populations/${populationId}`;
    await ok('PUT', `${population}/unit-predikat`, hr, { unitPredikat: 'BAIK', reason: 'capaian 2026' });
    await ok('POST', `${population}/determination`, hr, {
      overrideJustification: 'demo: semua pegawai dinilai sesuai ekspektasi',
    });
  }
  await ok('POST', `${C}/phase`, hr, { to: 'PUBLISHED', reason: 'hasil diumumkan' });
  await h.eventually(async () => {
    const page = await get<{ items: { published: boolean }[] }>(`${C}/appraisals`, guru);
    return page.items[0]?.published ? true : undefined;
  });
  // The teacher objects (keberatan), so the replay, the queue and the employee's view have one to show.
  await ok('POST', `${C}/appraisals/${guruNip}/objections`, guru, {
    objectionId: 'keberatan-demo-1',
    reasons: 'Realisasi IKI mencapai 100%, melampaui target; mohon predikat ditinjau.',
    items: [{ kind: 'HASIL_KERJA_RATING' }],
    evidence: [
      { kind: 'LINK', url: 'https://drive.example.go.id/laporan-kegiatan', description: 'Laporan kegiatan 2026' },
    ],
  });
  // Every event of the teacher's appraisal sealed before the tests look at it.
  await h.eventually(async () => {
    const r = await h.request({ method: 'GET', url: `${C}/appraisals/${guruNip}/integrity`, token: hr });
    const report = r.json() as { summary?: { seals: number; unsealedEvents: number } };
    return report.summary && report.summary.seals > 0 && report.summary.unsealedEvents === 0 ? true : undefined;
  }, 30_000);
}
