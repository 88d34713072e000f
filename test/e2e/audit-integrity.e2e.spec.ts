// The verifier and the evidence pack over HTTP (README "Verifying the record"): who may read them, what they
// report on an intact and on a tampered store (tampered as the database superuser, behind the service's back),
// the whole-store job, and an evidence pack checked offline by tools/verify-evidence-pack.mjs run as a child
// process, with one byte changed in each of its parts. The harness runs without a sealer: seals are appended
// here, with the key the API serves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { EvidencePack } from '../../libs/audit/src/evidence-pack/evidence-pack.js';
import { loadOrCreateSigningKey } from '../../libs/audit/src/seal/key-file.js';
import { sealOnce } from '../../libs/audit/src/seal/sealer.js';
import type { VerificationReport } from '../../libs/audit/src/verify/findings.js';
import type { Config } from '../../libs/config/src/config.js';
import { CONFIG } from '../../apps/api/src/tokens.js';
import { tamper } from '../audit/tamper-support.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  APPRAISED,
  CYCLE,
  NIPS,
  advancePhase,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  kepsekRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type TokenName,
  type Tokens,
} from './appraisals.support.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GURU1 = appraisalUrl(NIPS.GURU1);
const KEPSEK = appraisalUrl(NIPS.KEPSEK);
const CYCLE_INTEGRITY = `/api/v1/cycles/${CYCLE}/integrity`;
const JOBS = '/api/v1/audit/verifications';

type Report = VerificationReport & { sealedBy?: Array<{ sealIndex: number; revisions: string[] }> };
interface Job {
  id: string;
  status: string;
  progress: unknown;
  report: Report | null;
  error: string | null;
}

function runTool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['tools/verify-evidence-pack.mjs', ...args],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** Replaces the hex digit at `index` of `text` with another hex digit. */
const flipHex = (text: string, index = 10) =>
  `${text.slice(0, index)}${text[index] === 'a' ? 'b' : 'a'}${text.slice(index + 1)}`;

describe('the verifier and the evidence pack over HTTP', () => {
  let h: ApiHarness;
  let t: Tokens;
  let dir: string;
  let superuser: pg.Pool;
  let publicKeyFile: string;

  const seal = async () => {
    const { key } = await loadOrCreateSigningKey({ file: h.api.app.get<Config>(CONFIG).audit.signingKeyFile });
    return sealOnce({ store: h.api.infrastructure.eventStore, key });
  };
  const get = async <T>(url: string, token: string): Promise<T> => (await ok(h, 'GET', url, token)).body as T;
  const writePack = async (pack: unknown, name = `pack-${Math.random().toString(36).slice(2)}.json`) => {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(pack, null, 2));
    return file;
  };
  const checkPack = async (pack: unknown, ...args: string[]) =>
    runTool([await writePack(pack), '--public-key', publicKeyFile, ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-integrity-'));
    h = await startApiHarness();
    t = await tokensFor(h);
    superuser = new pg.Pool({ connectionString: h.db.url, max: 1 });
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
    await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${GURU1}/plan/approval`, t.kepsek);
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await ok(h, 'PUT', `${GURU1}/peer-reviewers`, t.kepsek, { reviewerNips: [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4] });
    await advancePhase(h, 'IN_PROGRESS', 'ASSESSMENT');
    await ok(h, 'POST', `${GURU1}/peer-inputs`, t.guru2, {
      values: [{ value: 'KOLABORATIF', rating: 'DI_ATAS_EKSPEKTASI', note: 'Selalu membantu' }],
    });
    expect(await seal()).toMatchObject({ kind: 'sealed' });
    // After the seal: the unsealed tail.
    await ok(h, 'POST', `${GURU1}/evidence`, t.guru1, {
      evidenceId: 'bukti-1',
      kind: 'LINK',
      url: 'https://drive.example.go.id/rapor-6a.pdf',
      description: 'Rekap nilai kelas 6A',
    });
    const served = (await h.request({ method: 'GET', url: '/api/v1/audit/public-key' })).json() as { pem: string };
    publicKeyFile = join(dir, 'published-key.pem');
    await writeFile(publicKeyFile, served.pem);
  });
  afterAll(async () => {
    await superuser.end();
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('who may read', () => {
    const WHO: Record<string, TokenName | null> = {
      auditor: 'auditor',
      hrOwnAgency: 'hrA',
      hrOtherAgency: 'hrB',
      employee: 'guru1',
      rater: 'kepsek',
      admin: 'admin',
      anonymous: null,
    };
    const READERS = ['auditor', 'hrOwnAgency'];
    it.each([`${GURU1}/integrity`, `${GURU1}/evidence-pack`, CYCLE_INTEGRITY])(
      'GET %s: AUDITOR and HR of the agency; an auditor read is recorded, nothing else written',
      async (url) => {
        const before = await h.countEvents();
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const [who, name] of Object.entries(WHO)) {
          const sent = await send(h, 'GET', url, name === null ? undefined : t[name]);
          got[who] = sent.status;
          want[who] = name === null ? 401 : READERS.includes(who) ? 200 : 403;
          if (sent.status === 403) expect(sent.body.code).toBe('FORBIDDEN');
        }
        expect(got).toEqual(want);
        expect(await h.countEvents()).toBe(before + 1);
      },
    );

    it('POST /audit/verifications: ADMIN and AUDITOR only; refusals start nothing', async () => {
      for (const name of ['hrA', 'guru1', 'kepsek'] as const) {
        const sent = await send(h, 'POST', JOBS, t[name]);
        expect([name, sent.status, sent.body.code]).toEqual([name, 403, 'FORBIDDEN']);
      }
      expect((await send(h, 'POST', JOBS, undefined)).status).toBe(401);
      expect((await send(h, 'GET', `${JOBS}/0b9c3f0e-6f8e-4d5c-9d61-3f1b2a4c5d6e`, t.hrA)).status).toBe(403);
    });

    it('records what an auditor read, for ADMIN', async () => {
      const reads = await get<{ items: Array<{ route: string; cycleId: string; nip: string | null }> }>(
        '/api/v1/audit/reads?limit=500',
        t.admin,
      );
      const routes = reads.items.map((r) => [r.route, r.cycleId, r.nip]);
      expect(routes).toEqual(
        expect.arrayContaining([
          ['/api/v1/cycles/:cycleId/appraisals/:nip/integrity', CYCLE, NIPS.GURU1],
          ['/api/v1/cycles/:cycleId/appraisals/:nip/evidence-pack', CYCLE, NIPS.GURU1],
          ['/api/v1/cycles/:cycleId/integrity', CYCLE, null],
        ]),
      );
    });
  });

  describe('bad requests: a clear 4xx, nothing written', () => {
    it.each([
      ['GET', `${appraisalUrl('123')}/integrity`, 400, 'VALIDATION_FAILED'],
      ['GET', `${GURU1}/integrity?verbose=1`, 400, 'VALIDATION_FAILED'],
      ['GET', `${GURU1}/evidence-pack?format=zip`, 400, 'VALIDATION_FAILED'],
      ['GET', `${appraisalUrl(NIPS.GURU1, 'no-such-cycle')}/evidence-pack`, 404, 'CYCLE_NOT_FOUND'],
      ['GET', `${appraisalUrl(NIPS.KADIS)}/integrity`, 404, 'APPRAISAL_NOT_FOUND'],
      ['GET', '/api/v1/cycles/no-such-cycle/integrity', 404, 'CYCLE_NOT_FOUND'],
      ['GET', '/api/v1/cycles/bad_id!/integrity', 400, 'VALIDATION_FAILED'],
      ['GET', `${JOBS}/not-a-uuid`, 400, 'VALIDATION_FAILED'],
      ['GET', `${JOBS}/0b9c3f0e-6f8e-4d5c-9d61-3f1b2a4c5d6e`, 404, 'VERIFICATION_NOT_FOUND'],
      ['POST', `${JOBS}?now=1`, 400, 'VALIDATION_FAILED'],
    ] as const)('%s %s → %i %s', async (method, url, status, code) => {
      const before = await h.countEvents();
      const sent = await send(h, method, url, t.auditor);
      expect([sent.status, sent.body.code]).toEqual([status, code]);
      expect(await h.countEvents()).toBe(before);
    });

    it('answers VERIFICATION_NOT_FOUND in Bahasa Indonesia', async () => {
      const response = await h.request({
        method: 'GET',
        url: `${JOBS}/0b9c3f0e-6f8e-4d5c-9d61-3f1b2a4c5d6e`,
        token: t.auditor,
        headers: { 'accept-language': 'id' },
      });
      expect(response.json()).toMatchObject({
        code: 'VERIFICATION_NOT_FOUND',
        message: expect.stringContaining('Pekerjaan verifikasi'),
      });
    });
  });

  describe('on an intact store', () => {
    it("reports an appraisal's chain verified, which seal covers which events, and the unsealed tail", async () => {
      const report = await get<Report>(`${GURU1}/integrity`, t.auditor);
      const stored = await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName(CYCLE, NIPS.GURU1));
      expect(report).toMatchObject({ ok: true, findings: [], scope: { kind: 'stream' } });
      expect(report.summary).toMatchObject({ seals: 1, signaturesChecked: true, unsealedEvents: 1 });
      expect(report.sealedBy).toEqual([
        { sealIndex: 0, revisions: stored.slice(0, -1).map((e) => String(e.revision)) },
      ]);
      expect(report.unsealedTail).toEqual([
        { stream: appraisalStreamName(CYCLE, NIPS.GURU1), events: 1, from: expect.stringMatching(/^\d+\/\d+$/) },
      ]);
    });

    it('reports a whole cycle', async () => {
      const report = await get<Report>(CYCLE_INTEGRITY, t.hrA);
      expect(report).toMatchObject({ ok: true, findings: [], scope: { kind: 'cycle', cycleId: CYCLE } });
      expect(report.summary.streamsChecked).toBe(1 + APPRAISED.length); // the cycle and its appraisals
    });

    it('runs the whole store as a job: 202 with its URL, progress, then the report; ADMIN gets NIPs masked', async () => {
      const started = await send(h, 'POST', JOBS, t.admin);
      expect(started.status).toBe(202);
      const job = started.body as unknown as Job;
      expect(job).toMatchObject({ status: 'running', report: null });
      const location = (await h.request({ method: 'POST', url: JOBS, token: t.auditor })).headers.location;
      expect(typeof location).toBe('string');
      const done = await h.eventually(async () => {
        const polled = await get<Job>(`${JOBS}/${job.id}`, t.auditor);
        return polled.status === 'running' ? undefined : polled;
      });
      expect(done).toMatchObject({ status: 'done', error: null, report: { ok: true, scope: { kind: 'all' } } });
      expect(done.progress).toMatchObject({ phase: expect.any(String), done: expect.any(Number) });
      expect(JSON.stringify(done.report)).toContain(NIPS.GURU1);
      const masked = await get<Job>(`${JOBS}/${job.id}`, t.admin);
      expect(masked.report?.ok).toBe(true);
      expect(JSON.stringify(masked.report)).not.toMatch(/\b\d{18}\b/);
      expect(JSON.stringify(masked.report)).toContain(`appraisal-${CYCLE}-<nip>`);
      const reads = await get<{ items: Array<{ route: string; cycleId: string | null; nip: string | null }> }>(
        '/api/v1/audit/reads?limit=500',
        t.admin,
      );
      // The auditor's read of the report is recorded; ADMIN's (NIPs masked) is not an auditor read.
      expect(reads.items.filter((r) => r.route === '/api/v1/audit/verifications/:id')).toEqual([
        expect.objectContaining({ cycleId: null, nip: null, actor: { id: 'auditor-1', role: 'AUDITOR' } }),
      ]);
    });
  });

  describe('the evidence pack', () => {
    let pack: EvidencePack;
    beforeAll(async () => {
      pack = await get<EvidencePack>(`${GURU1}/evidence-pack`, t.auditor);
    });

    it('holds the events as hashed, the seal, a proof per sealed event and the public key', async () => {
      const stored = await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName(CYCLE, NIPS.GURU1));
      expect(pack).toMatchObject({ format: 'kinerja-evidence-pack', version: 1, stream: stored[0].streamName });
      expect(pack.events.map((e) => [e.revision, e.id, e.type, e.data, e.metadata])).toEqual(
        stored.map((e) => [String(e.revision), e.id, e.type, e.data, e.metadata]),
      );
      expect(pack.seals.map((s) => s.sealIndex)).toEqual([0]);
      expect(pack.proofs).toHaveLength(stored.length - 1);
      expect(pack.publicKey?.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    });

    it('verifies offline with the published key: `node tools/verify-evidence-pack.mjs pack.json`', async () => {
      const run = await checkPack(pack);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/VALID\n$/);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `${pack.events.length} events, ${pack.proofs.length} proven in 1 seal(s), 1 unsealed`,
      );
    });

    it('HR of the agency gets peer input withheld, and the pack still verifies on the chain and the proofs', async () => {
      const hrPack = await get<EvidencePack>(`${GURU1}/evidence-pack`, t.hrA);
      const peer = hrPack.events.find((e) => e.type === 'PeerInputSubmitted.v1')!;
      expect(peer.withheld).toContain('withheld from HR');
      expect(JSON.stringify(peer)).not.toContain('Selalu membantu');
      expect(peer.metadata.actor).toBeNull();
      const run = await checkPack(hrPack);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `revisions ${peer.revision} have content withheld from this reader: their data as shown is NOT verified`,
      );
      // A withheld event's stated hash is still bound: change it and the chain and its proof fail.
      const forged = structuredClone(hrPack);
      const forgedPeer = forged.events.find((e) => e.type === 'PeerInputSubmitted.v1')!;
      forgedPeer.metadata.hash = flipHex(forgedPeer.metadata.hash as string);
      const failed = await checkPack(forged);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(
        `FAIL event revision ${peer.revision} (id ${peer.id}, PeerInputSubmitted.v1): its inclusion proof`,
      );
    });

    const name = (e: { revision: string; id: string; type: string }) =>
      `event revision ${e.revision} (id ${e.id}, ${e.type})`;
    it.each([
      [
        "an event's data",
        (p: EvidencePack) => {
          const e = p.events.find((x) => x.type === 'RhkDrafted.v1') ?? p.events[1];
          const data = e.data as Record<string, string>;
          data.title = `${data.title[0] === 'X' ? 'Y' : 'X'}${data.title.slice(1)}`;
          return [`FAIL ${name(e)}: its content does not match its hash`];
        },
      ],
      [
        "an event's hash",
        (p: EvidencePack) => {
          const e = p.events[2];
          e.metadata.hash = flipHex(e.metadata.hash as string);
          return [`FAIL ${name(e)}: its content does not match its hash`, `FAIL ${name(p.events[3])}: its prevHash`];
        },
      ],
      [
        'a proof node',
        (p: EvidencePack) => {
          const proof = p.proofs[1];
          proof.auditPath[0] = flipHex(proof.auditPath[0]);
          return [`FAIL ${name(p.events[1])}: its inclusion proof`];
        },
      ],
      [
        "a seal's signature",
        (p: EvidencePack) => {
          const s = p.seals[0];
          s.signature = `${s.signature.slice(0, 20)}${s.signature[20] === 'A' ? 'B' : 'A'}${s.signature.slice(21)}`;
          return ['FAIL seal #0: its signature does not verify'];
        },
      ],
      [
        "a seal's root",
        (p: EvidencePack) => {
          p.seals[0].merkleRoot = flipHex(p.seals[0].merkleRoot);
          return ['FAIL seal #0: its signature does not verify', `FAIL ${name(p.events[0])}: its inclusion proof`];
        },
      ],
    ] as const)('one byte changed in %s fails (exit 1), naming what', async (_part, change) => {
      const changed = structuredClone(pack);
      const expected = change(changed);
      const text = JSON.stringify(changed, null, 2);
      // Exactly one byte differs from the original serialisation.
      const original = JSON.stringify(pack, null, 2);
      expect(text.length).toBe(original.length);
      expect([...text].filter((c, i) => c !== original[i])).toHaveLength(1);
      const run = await runTool([await writePack(changed), '--public-key', publicKeyFile]);
      expect(run.code).toBe(1);
      for (const line of expected) expect(run.stdout).toContain(line);
      expect(run.stdout).toMatch(/INVALID: \d+ problem\(s\)\n$/);
    });
  });

  describe('after tampering as the database superuser', () => {
    let altered: { id: string; revision: string };
    beforeAll(async () => {
      const stream = appraisalStreamName(CYCLE, NIPS.GURU1);
      const stored = await h.api.infrastructure.rawEventStore.readStream(stream);
      altered = { id: stored[1].id, revision: String(stored[1].revision) };
      await tamper(
        superuser,
        `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"forged"') WHERE stream_name = $1 AND stream_revision = 1`,
        [stream],
      );
      // The first event of the rater's appraisal removed from inside the sealed range: it no longer folds.
      await tamper(superuser, 'DELETE FROM event_store.events WHERE stream_name = $1 AND stream_revision = 0', [
        appraisalStreamName(CYCLE, NIPS.KEPSEK),
      ]);
    });

    it("the appraisal's report names the altered event", async () => {
      const report = await get<Report>(`${GURU1}/integrity`, t.auditor);
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'altered', revision: altered.revision, eventId: altered.id }),
        ]),
      );
    });

    it('an appraisal whose first event was removed is still reported, to AUDITOR and HR of the agency only', async () => {
      const url = `${KEPSEK}/integrity`;
      const report = await get<Report>(url, t.auditor);
      expect(report.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'removed', revision: '0' })]),
      );
      expect((await send(h, 'GET', url, t.hrA)).status).toBe(200);
      expect((await send(h, 'GET', `${KEPSEK}/evidence-pack`, t.hrA)).status).toBe(200);
      expect((await send(h, 'GET', url, t.hrB)).status).toBe(403);
      expect((await send(h, 'GET', url, t.kepsek)).status).toBe(403);
      const pack = await get<EvidencePack>(`${KEPSEK}/evidence-pack`, t.auditor);
      const run = await checkPack(pack);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/FAIL event revision 1 \(id \S+, [^)]+\): found at place 0 of the stream/);
    });

    it("the cycle's report names both, the removed event by its revision", async () => {
      const report = await get<Report>(CYCLE_INTEGRITY, t.auditor);
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'altered', eventId: altered.id }),
          expect.objectContaining({ kind: 'removed', stream: appraisalStreamName(CYCLE, NIPS.KEPSEK), revision: '0' }),
        ]),
      );
    });

    it('the whole-store job reports it', async () => {
      const job = (await send(h, 'POST', JOBS, t.auditor)).body as unknown as Job;
      const done = await h.eventually(async () => {
        const polled = await get<Job>(`${JOBS}/${job.id}`, t.auditor);
        return polled.status === 'running' ? undefined : polled;
      });
      expect(done.report?.ok).toBe(false);
      expect(done.report?.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['altered', 'removed']));
    });

    it('a pack fetched now fails offline, naming the altered event', async () => {
      const run = await checkPack(await get<EvidencePack>(`${GURU1}/evidence-pack`, t.auditor));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `FAIL event revision ${altered.revision} \\(id ${altered.id}, [^)]+\\): its content does not match its hash`,
        ),
      );
    });
  });
});
