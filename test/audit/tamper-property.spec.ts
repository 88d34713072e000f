// For random histories, random seal points and one random tampering: the verifier names exactly that
// tampering, at the right event, on a real PostgreSQL store (a fresh database per case).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sealOnce } from '../../libs/audit/src/seal/sealer.js';
import { generateSigningKey } from '../../libs/audit/src/seal/signing-key.js';
import type { Finding } from '../../libs/audit/src/verify/findings.js';
import { verifyStore } from '../../libs/audit/src/verify/verify-store.js';
import type { RecordedEvent } from '../../libs/event-store/src/port.js';
import { appraisalEvent, forgeOnTip, insertRow, openTamperStore, tamper, type TamperStore } from './tamper-support.js';

const key = generateSigningKey();
const streamName = (i: number) => `appraisal-prop-${String(i).padStart(18, '0')}`;

const historyArb = fc.record({
  /** Which stream each append goes to (one event per append), in $all order. */
  appends: fc.array(fc.nat({ max: 2 }), { minLength: 4, maxLength: 14 }),
  /** Seal after this many appends (0: never), then maybe again later. */
  sealAfter: fc.nat({ max: 14 }),
  tampering: fc.constantFrom('alter', 'delete', 'swap', 'forge', 'backdate'),
  pick: fc.nat(),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

async function build(t: TamperStore, history: History): Promise<void> {
  let i = 0;
  for (const stream of history.appends) {
    await t.store.appendToStream(streamName(stream), [appraisalEvent('Step', { i })]);
    if (++i === history.sealAfter) await sealOnce({ store: t.store, key });
  }
}

/** Does the tampering, returns what the verifier must name; undefined when it does not apply to this history. */
async function applyTampering(t: TamperStore, history: History): Promise<Partial<Finding>[] | undefined> {
  const events = (await t.raw.readAll()).filter((e) => e.streamName.startsWith('appraisal-prop-'));
  const byStream = (s: string) => events.filter((e) => e.streamName === s);
  const victim = events[history.pick % events.length];
  const stream = byStream(victim.streamName);
  const tip = stream[stream.length - 1];
  const sealedUpTo =
    history.sealAfter > 0 && history.sealAfter <= events.length ? events[history.sealAfter - 1] : undefined;
  const sealed = (e: RecordedEvent) => sealedUpTo !== undefined && e.position.commit <= sealedUpTo.position.commit;
  const at = (e: RecordedEvent) => ({ stream: e.streamName, revision: e.revision.toString() });
  const where = `stream_name = $1 AND stream_revision = $2`;
  switch (history.tampering) {
    case 'alter':
      await tamper(t.pool, `UPDATE event_store.events SET data = '{"i": -1}' WHERE ${where}`, [
        victim.streamName,
        victim.revision.toString(),
      ]);
      return [{ kind: 'altered', ...at(victim), eventId: victim.id }];
    case 'delete':
      if (victim === tip) return undefined; // a tip deletion leaves no gap: only the seal can tell (tested elsewhere)
      await tamper(t.pool, `DELETE FROM event_store.events WHERE ${where}`, [
        victim.streamName,
        victim.revision.toString(),
      ]);
      return [
        { kind: 'removed', ...at(victim) },
        ...(sealed(victim) ? [{ kind: 'removed' as const, sealIndex: 0 }] : []),
      ];
    case 'swap': {
      if (victim === tip) return undefined;
      const next = stream[Number(victim.revision) + 1];
      await tamper(
        t.pool,
        [
          `UPDATE event_store.events SET stream_revision = -1 WHERE ${where}`,
          `UPDATE event_store.events SET stream_revision = $2 WHERE stream_name = $1 AND stream_revision = $2 + 1`,
          `UPDATE event_store.events SET stream_revision = $2 + 1 WHERE stream_name = $1 AND stream_revision = -1`,
        ],
        [victim.streamName, victim.revision.toString()],
      );
      return [
        { kind: 'reordered', ...at(victim), eventId: next.id },
        { kind: 'reordered', stream: victim.streamName, revision: next.revision.toString(), eventId: victim.id },
      ];
    }
    case 'forge': {
      const forged = forgeOnTip(tip, { i: -1 });
      forged.metadata = { ...forged.metadata, prevHash: 'c'.repeat(64), hash: 'd'.repeat(64) };
      await insertRow(t.pool, forged);
      return [{ kind: 'inserted', ...at(forged), eventId: forged.id }];
    }
    case 'backdate': {
      // Chain-valid forgery on the tip, placed inside the sealed range: only if the tip is sealed and not last.
      if (!sealedUpTo || !sealed(tip) || tip.position.commit === sealedUpTo.position.commit) return undefined;
      const forged = forgeOnTip(tip, { i: -1 });
      await insertRow(t.pool, forged, { commit: tip.position.commit, prepare: tip.position.prepare + 1_000_000n });
      return [{ kind: 'inserted', ...at(forged), eventId: forged.id, sealIndex: 0 }];
    }
  }
}

describe('verifier on random histories', () => {
  it('names exactly the tampering done, at the right event', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const t = await openTamperStore();
        try {
          await build(t, history);
          expect((await verifyStore({ store: t.raw, scope: { kind: 'all' }, publicKeys: [key] })).ok).toBe(true);
          const expected = await applyTampering(t, history);
          if (!expected) return;
          const report = await verifyStore({ store: t.raw, scope: { kind: 'all' }, publicKeys: [key] });
          // Seal-range findings come before stream findings: compare as sets.
          expect(report.findings).toHaveLength(expected.length);
          expect(report.findings).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
        } finally {
          await t.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
