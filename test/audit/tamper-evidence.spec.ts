// The five tamperings of issue 9, done as the database superuser on a real PostgreSQL store, each
// detected and named by the verifier library and by `npm run cli -- verify` run as a child process.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealRefusedError, sealOnce } from '../../libs/audit/src/seal/sealer.js';
import { generateSigningKey, type SealSigningKey } from '../../libs/audit/src/seal/signing-key.js';
import type { VerificationReport, VerifyScope } from '../../libs/audit/src/verify/findings.js';
import { verifyStore } from '../../libs/audit/src/verify/verify-store.js';
import type { RecordedEvent } from '../../libs/event-store/src/port.js';
import {
  appendAppraisals,
  appraisalEvent,
  appraisalStream,
  cli,
  CYCLE,
  forgeOnTip,
  insertRow,
  NIPS,
  openTamperStore,
  tamper,
  writeKeyFile,
  type TamperStore,
} from './tamper-support.js';

const TARGET = appraisalStream(NIPS[1]);
let dir: string;
let key: SealSigningKey;
let keyFile: string;
let t: TamperStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-audit-'));
  key = generateSigningKey();
  keyFile = await writeKeyFile(dir, key);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  t = await openTamperStore();
  await appendAppraisals(t.store);
  expect(await sealOnce({ store: t.store, key })).toMatchObject({ kind: 'sealed' });
  // Events after the seal: the unsealed tail.
  await t.store.appendToStream(appraisalStream(NIPS[2]), [appraisalEvent('CommentAdded', { text: 'later' })]);
});

afterEach(async () => {
  await t.close();
});

function verify(scope: VerifyScope = { kind: 'all' }): Promise<VerificationReport> {
  return verifyStore({ store: t.raw, scope, publicKeys: [key] });
}

async function cliVerify(...args: string[]): Promise<{ code: number; report: VerificationReport; stderr: string }> {
  const run = await cli(['verify', '--json', ...args], { DATABASE_URL: t.db.url, AUDIT_SIGNING_KEY_FILE: keyFile });
  let report: VerificationReport;
  try {
    report = JSON.parse(run.stdout) as VerificationReport;
  } catch {
    throw new Error(`verify printed no JSON report (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
  return { code: run.code, report, stderr: run.stderr };
}

async function eventAt(stream: string, revision: bigint): Promise<RecordedEvent> {
  const [event] = await t.raw.readStream(stream, { from: revision, maxCount: 1 });
  return event;
}

const kinds = (report: VerificationReport) => report.findings.map((f) => f.kind);

describe('a store nobody tampered with', () => {
  it('verifies clean (exit 0), with the unsealed tail reported and the seal signature checked', async () => {
    const report = await verify();
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({
      eventsChecked: 18,
      streamsChecked: 5,
      seals: 1,
      signaturesChecked: true,
      sealedUpTo: expect.stringMatching(/^\d+\/\d+$/),
      lastSeal: {
        sealIndex: 0,
        sealHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/),
        sealedAt: expect.any(String),
      },
      unsealedEvents: 1,
    });
    expect(report.unsealedTail).toEqual([{ stream: appraisalStream(NIPS[2]), events: 1, from: expect.any(String) }]);

    const run = await cliVerify('--all');
    expect(run.code).toBe(0);
    expect(run.report).toEqual(report);
    expect(run.stderr).toMatch(/verify (events|streams) \[/);
  });

  it('answers for one stream and for one cycle', async () => {
    expect(await verify({ kind: 'stream', stream: TARGET })).toMatchObject({
      ok: true,
      summary: { eventsChecked: 5, streamsChecked: 1, unsealedEvents: 0 },
    });
    expect(await verify({ kind: 'cycle', cycleId: CYCLE })).toMatchObject({
      ok: true,
      summary: { eventsChecked: 17, streamsChecked: 4, unsealedEvents: 1 },
    });
  });
});

describe('tampering as the database superuser', () => {
  it('(a) one event’s data altered: named altered, with its stream, revision and id', async () => {
    const victim = await eventAt(TARGET, 3n);
    await tamper(
      t.pool,
      `UPDATE event_store.events SET data = jsonb_set(data, '{score}', '5') WHERE stream_name = $1 AND stream_revision = 3`,
      [TARGET],
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      {
        kind: 'altered',
        stream: TARGET,
        revision: '3',
        eventId: victim.id,
        position: expect.any(String),
        detail: expect.stringContaining('changed after sealing'),
      },
    ]);
    const run = await cliVerify('--all');
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual(report.findings);
    // Scoped: the stream shows it, another stream of the cycle does not.
    expect(kinds(await verify({ kind: 'stream', stream: TARGET }))).toEqual(['altered']);
    expect((await verify({ kind: 'stream', stream: appraisalStream(NIPS[0]) })).ok).toBe(true);
    expect(kinds(await verify({ kind: 'cycle', cycleId: CYCLE }))).toEqual(['altered']);
  });

  it('(b) one event deleted: named removed at its revision, and the sealed range is short', async () => {
    await tamper(t.pool, `DELETE FROM event_store.events WHERE stream_name = $1 AND stream_revision = 2`, [TARGET]);
    const report = await verify();
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'removed',
          stream: TARGET,
          revision: '2',
          detail: expect.stringMatching(/revision 2 is missing/),
        }),
        expect.objectContaining({
          kind: 'removed',
          sealIndex: 0,
          detail: expect.stringMatching(/covers 17 events, 16 are there/),
        }),
      ]),
    );
    expect(report.findings).toHaveLength(2);
    const run = await cliVerify('--all');
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual(report.findings);
  });

  it('(b) the last event of a stream deleted: no gap shows, the seal names the loss', async () => {
    await tamper(t.pool, `DELETE FROM event_store.events WHERE stream_name = $1 AND stream_revision = 4`, [TARGET]);
    expect((await verify()).findings).toEqual([expect.objectContaining({ kind: 'removed', sealIndex: 0 })]);
  });

  it('(c) two events swapped: both named reordered, with the revision each was hashed for', async () => {
    const [one, two] = [await eventAt(TARGET, 1n), await eventAt(TARGET, 2n)];
    await tamper(
      t.pool,
      [
        // Through a free revision: the primary key holds at every statement.
        `UPDATE event_store.events SET stream_revision = -1 WHERE stream_name = $1 AND stream_revision = 1`,
        `UPDATE event_store.events SET stream_revision = 1 WHERE stream_name = $1 AND stream_revision = 2`,
        `UPDATE event_store.events SET stream_revision = 2 WHERE stream_name = $1 AND stream_revision = -1`,
      ],
      [TARGET],
    );
    const report = await verify();
    expect(report.findings).toEqual([
      expect.objectContaining({
        kind: 'reordered',
        stream: TARGET,
        revision: '1',
        eventId: two.id,
        detail: expect.stringMatching(/made for revision 2/),
      }),
      expect.objectContaining({
        kind: 'reordered',
        stream: TARGET,
        revision: '2',
        eventId: one.id,
        detail: expect.stringMatching(/made for revision 1/),
      }),
    ]);
    const run = await cliVerify('--all');
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual(report.findings);
  });

  it('(d) a forged event with a made-up hash: named inserted', async () => {
    const tip = await eventAt(TARGET, 4n);
    const forged = { ...forgeOnTip(tip, { score: 5 }) };
    forged.metadata = { ...forged.metadata, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    await insertRow(t.pool, forged);
    const report = await verify();
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'inserted', stream: TARGET, revision: '5', eventId: forged.id }),
    ]);
    const run = await cliVerify('--stream', TARGET);
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual(report.findings);
  });

  it('(e) a forged event on the tip, re-hashed by the public algorithm and backdated into the sealed range: named inserted by the seal', async () => {
    const tip = await eventAt(TARGET, 4n);
    const forged = forgeOnTip(tip, { score: 5 });
    // Just after the genuine tip in $all, so it looks as old as the rest of the stream.
    await insertRow(t.pool, forged, { commit: tip.position.commit, prepare: tip.position.prepare + 1_000_000n });
    const report = await verify();
    expect(report.findings).toEqual([
      {
        kind: 'inserted',
        stream: TARGET,
        revision: '5',
        eventId: forged.id,
        position: `${tip.position.commit}/${tip.position.prepare + 1_000_000n}`,
        sealIndex: 0,
        detail: expect.stringMatching(
          /sealed range #0 .* does not match its seal: this event is not in the sealed tree/,
        ),
      },
    ]);
    const run = await cliVerify('--cycle', CYCLE);
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual(report.findings);
  });

  it('(e) the same forgery before any seal covered that history passes: only a seal can expose a consistent rewrite', async () => {
    const fresh = await openTamperStore();
    try {
      await appendAppraisals(fresh.store);
      const tip = (await fresh.raw.readStream(TARGET, { direction: 'backwards', maxCount: 1 }))[0];
      await insertRow(fresh.pool, forgeOnTip(tip, { score: 5 }), {
        commit: tip.position.commit,
        prepare: tip.position.prepare + 1_000_000n,
      });
      const report = await verifyStore({ store: fresh.raw, scope: { kind: 'all' }, publicKeys: [key] });
      expect(report.ok).toBe(true);
      expect(report.summary.unsealedEvents).toBe(18);
    } finally {
      await fresh.close();
    }
  });

  it('(e) a consistent rewrite of sealed history (data changed, every later hash recomputed): the sealed range does not match', async () => {
    const events = await t.raw.readStream(TARGET);
    let prevHash = events[1].metadata.hash as string;
    for (const event of events.slice(2)) {
      const data = event.revision === 2n ? { ...event.data, score: 1 } : event.data;
      const rewritten = forgeOnTip(
        { ...events[Number(event.revision) - 1], metadata: { ...event.metadata, hash: prevHash } },
        data,
      );
      const metadata = { ...rewritten.metadata };
      // Keep the id and type, recompute the hash as the public algorithm does.
      const { computeEventHash } = await import('../../libs/audit/src/hash-chain.js');
      metadata.hash = computeEventHash({
        stream: TARGET,
        revision: event.revision,
        id: event.id,
        type: event.type,
        data,
        metadataWithoutHash: metadata,
        prevHash,
      });
      await tamper(
        t.pool,
        `UPDATE event_store.events SET data = $3::jsonb, metadata = $4::jsonb WHERE stream_name = $1 AND stream_revision = $2`,
        [TARGET, event.revision.toString(), JSON.stringify(data), JSON.stringify(metadata)],
      );
      prevHash = metadata.hash;
    }
    const report = await verify();
    expect(report.findings).toEqual([
      expect.objectContaining({
        kind: 'sealed_range_mismatch',
        sealIndex: 0,
        detail: expect.stringMatching(/sealed range #0 .* does not match its seal/),
      }),
    ]);
    expect((await cliVerify('--all')).code).toBe(1);
  });
});

describe('seals themselves', () => {
  it('a changed seal fails its signature; a seal from another key is not accepted', async () => {
    await tamper(
      t.pool,
      `UPDATE event_store.events SET data = jsonb_set(data, '{sealedAt}', '"2020-01-01T00:00:00.000Z"') WHERE stream_name = 'audit-seals'`,
    );
    expect(kinds(await verify())).toEqual(expect.arrayContaining(['seal_invalid', 'altered']));
    const other = await verifyStore({ store: t.raw, scope: { kind: 'all' }, publicKeys: [generateSigningKey()] });
    expect(other.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'seal_invalid', detail: expect.stringMatching(/not among the public keys/) }),
      ]),
    );
  });

  it('deleted seals go unnoticed by the seal chain alone, and are found against a seal recorded outside the database', async () => {
    const before = await verify();
    const recorded = `${before.summary.lastSeal!.sealIndex}:${before.summary.lastSeal!.sealHash}`;
    await tamper(t.pool, `DELETE FROM event_store.events WHERE stream_name = 'audit-seals'`);
    expect(await verify()).toMatchObject({ ok: true, summary: { seals: 0, unsealedEvents: 18 } });
    const run = await cliVerify('--all', '--expect-seal', recorded);
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([
      expect.objectContaining({ kind: 'seal_chain_broken', sealIndex: 0, detail: expect.stringMatching(/is gone/) }),
    ]);
  });

  it('the sealer refuses to sign over a broken chain, so tampering in the unsealed tail is never laundered', async () => {
    await tamper(
      t.pool,
      `UPDATE event_store.events SET data = '{"text":"changed"}' WHERE stream_name = $1 AND stream_revision = 5`,
      [appraisalStream(NIPS[2])],
    );
    const refused = (await sealOnce({ store: t.store, key }).catch((error: unknown) => error)) as SealRefusedError;
    expect(refused).toBeInstanceOf(SealRefusedError);
    expect(refused.message).toMatch(/^refusing to seal: 1 event\(s\) fail the hash chain, the first at \$all position/);
    expect(refused.message).not.toContain(NIPS[2]); // it goes to logs: no NIP
    expect(refused.problems).toEqual([
      expect.objectContaining({
        stream: appraisalStream(NIPS[2]),
        revision: 5n,
        detail: expect.stringMatching(/hash/),
      }),
    ]);
    expect(await t.raw.readStream('audit-seals')).toHaveLength(1);
  });
});
