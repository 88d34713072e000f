// The offline verifier tools/verify-evidence-pack.mjs (node alone, no repository imports) against libs/audit:
// the same canonical JSON, event hashes, RFC 6962 roots and proofs and seal signatures on random inputs; and
// packs built from a real PostgreSQL store, checked by the tool run as a child process and exported by the CLI.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { canonicalJson } from '../../libs/audit/src/canonical-json.js';
import { buildEvidencePack, type EvidencePack } from '../../libs/audit/src/evidence-pack/evidence-pack.js';
import { loadEvidencePack } from '../../libs/audit/src/evidence-pack/load-evidence-pack.js';
import { computeEventHash } from '../../libs/audit/src/hash-chain.js';
import { inclusionProof, leafHash, merkleRoot, rootFromInclusionProof } from '../../libs/audit/src/merkle/index.js';
import { sealHash, signSeal, type SealPayload } from '../../libs/audit/src/seal/seal.js';
import { sealOnce } from '../../libs/audit/src/seal/sealer.js';
import { generateSigningKey, publicKeyPem, type SealSigningKey } from '../../libs/audit/src/seal/signing-key.js';
import {
  appendAppraisals,
  appraisalEvent,
  appraisalStream,
  cli,
  CYCLE,
  NIPS,
  openTamperStore,
  tamper,
  writeKeyFile,
  type TamperStore,
} from './tamper-support.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOOL = join(REPO_ROOT, 'tools', 'verify-evidence-pack.mjs');

interface Tool {
  canonicalJson(value: unknown): string;
  eventHash(stream: string, event: unknown): string;
  merkleRoot(leaves: Buffer[]): Buffer;
  leafHash(bytes: Buffer): Buffer;
  rootFromInclusionProof(hash: Buffer, index: number, size: number, proof: Buffer[]): Buffer | undefined;
  sealSignatureValid(seal: unknown, key: unknown): boolean;
  sealHash(seal: unknown): string;
  parsePublicKey(text: string): unknown;
}

/** The tool as a real child process: `node tools/verify-evidence-pack.mjs ...`. */
function runTool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TOOL, ...args], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let tool: Tool;
beforeAll(async () => {
  tool = (await import(pathToFileURL(TOOL).href)) as Tool;
});

describe('the tool and libs/audit agree', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

  it('on canonical JSON of random values (unicode strings and keys, numbers, nesting)', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.dictionary(fc.string({ unit: 'grapheme' }), json)), (value) => {
        expect(tool.canonicalJson(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
    // Any UTF-16 string, lone surrogates included: the same text, or both refuse.
    const outcome = (f: (v: unknown) => string, v: unknown) => {
      try {
        return f(v);
      } catch {
        return 'refused';
      }
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (key, text) => {
        const value = { [key]: [text, 1.5e-7, -0, 2 ** 60] };
        expect(outcome(tool.canonicalJson, value)).toBe(outcome(canonicalJson, value));
      }),
      { numRuns: 500 },
    );
    expect(outcome(tool.canonicalJson, { a: '\ud800' })).toBe('refused');
  });

  it('on the hash of random events', () => {
    fc.assert(
      fc.property(
        fc.record({
          stream: fc.string({ minLength: 1 }),
          revision: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
          id: fc.uuid(),
          type: fc.string({ minLength: 1 }),
          data: fc.dictionary(fc.string(), json),
          metadata: fc.dictionary(fc.string(), json),
          prevHash: hex64,
          hash: hex64,
        }),
        (e) => {
          const metadata = { ...e.metadata, prevHash: e.prevHash, hash: e.hash };
          const expected = computeEventHash({
            stream: e.stream,
            revision: e.revision,
            id: e.id,
            type: e.type,
            data: e.data,
            metadataWithoutHash: metadata,
            prevHash: e.prevHash,
          });
          const event = { revision: e.revision.toString(), id: e.id, type: e.type, data: e.data, metadata };
          expect(tool.eventHash(e.stream, event)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on RFC 6962 roots and inclusion proofs of random trees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 1, maxLength: 70 }),
        fc.nat(),
        (raw, pick) => {
          const leaves = raw.map((b) => Buffer.from(b));
          const root = merkleRoot(leaves);
          expect(tool.merkleRoot(leaves).toString('hex')).toBe(root.toString('hex'));
          const index = pick % leaves.length;
          const proof = inclusionProof(leaves, index);
          expect(tool.rootFromInclusionProof(tool.leafHash(leaves[index]), index, leaves.length, proof)).toEqual(root);
          // The same proof does not pass for another leaf position (unless that leaf is the same bytes), and
          // the tool follows a misplaced proof exactly as the library does.
          const other = (index + 1) % leaves.length;
          for (const [i, size] of [
            [other, leaves.length],
            [index, leaves.length + 1],
            [index, Math.max(1, leaves.length - 1)],
          ]) {
            expect(tool.rootFromInclusionProof(tool.leafHash(leaves[index]), i, size, proof)).toEqual(
              rootFromInclusionProof(leafHash(leaves[index]), i, size, proof),
            );
          }
          if (!leaves[index].equals(leaves[other])) {
            const wrong = tool.rootFromInclusionProof(tool.leafHash(leaves[index]), other, leaves.length, proof);
            expect(wrong?.equals(root) ?? false).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on seal signatures and seal hashes', () => {
    const key = generateSigningKey();
    const publicKey = tool.parsePublicKey(publicKeyPem(key));
    fc.assert(
      fc.property(hex64, fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 1e6 }), (root, index, size) => {
        const payload: SealPayload = {
          version: 1,
          sealIndex: index,
          fromPosition: index === 0 ? null : `${index}/${index}`,
          toPosition: `${index + 1}/${index + 7}`,
          treeSize: size,
          firstGlobalIndex: index * 3,
          merkleRoot: root,
          previousSealRoot: index === 0 ? null : root,
          previousSealHash: null,
          sealedAt: new Date(1_700_000_000_000 + index).toISOString(),
          keyId: key.keyId,
          algorithm: 'Ed25519',
        };
        const seal = signSeal(payload, key);
        expect(tool.sealSignatureValid(seal, publicKey)).toBe(true);
        expect(tool.sealSignatureValid({ ...seal, treeSize: size + 1 }, publicKey)).toBe(false);
        expect(tool.sealHash(seal)).toBe(sealHash(seal));
      }),
      { numRuns: 50 },
    );
  });
});

describe('packs of a real PostgreSQL store, checked offline', () => {
  let t: TamperStore;
  let dir: string;
  let key: SealSigningKey;
  let keyFile: string;
  let publicKeyFile: string;
  const stream = appraisalStream(NIPS[1]);

  const pack = async (): Promise<EvidencePack> =>
    loadEvidencePack({
      store: t.raw,
      stream,
      publicKey: { keyId: key.keyId, algorithm: 'Ed25519', pem: publicKeyPem(key) },
      createdAt: new Date().toISOString(),
      pageSize: 4, // several pages per range
    });
  const check = async (p: EvidencePack, ...args: string[]) => {
    const file = join(dir, `pack-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(p));
    return runTool([file, ...args]);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-pack-'));
    key = generateSigningKey();
    keyFile = await writeKeyFile(dir, key);
    publicKeyFile = join(dir, 'published.pem');
    await writeFile(publicKeyFile, publicKeyPem(key));
    t = await openTamperStore();
    await appendAppraisals(t.store);
    expect(await sealOnce({ store: t.store, key })).toMatchObject({ kind: 'sealed' });
    for (const nip of NIPS) await t.store.appendToStream(appraisalStream(nip), [appraisalEvent('Step5', { step: 5 })]);
    expect(await sealOnce({ store: t.store, key })).toMatchObject({ kind: 'sealed' });
    await t.store.appendToStream(stream, [appraisalEvent('CommentAdded', { text: 'after the last seal' })]);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every event with a proof in the seal that covers it, and the unsealed tail without one', async () => {
    const p = await pack();
    expect(p).toMatchObject({ format: 'kinerja-evidence-pack', version: 1, stream });
    expect(p.events.map((e) => e.revision)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(p.seals.map((s) => s.sealIndex)).toEqual([0, 1]);
    expect(p.proofs.map((x) => [x.revision, x.sealIndex])).toEqual([
      ['0', 0],
      ['1', 0],
      ['2', 0],
      ['3', 0],
      ['4', 0],
      ['5', 1],
    ]);
  });

  it('verifies with the key given (exit 0), and says the unsealed tail and a pack-only key prove less', async () => {
    const p = await pack();
    const given = await check(p, '--public-key', publicKeyFile);
    expect(given.stderr).toBe('');
    expect(given.stdout).toContain('7 events, 6 proven in 2 seal(s), 1 unsealed');
    expect(given.stdout).toContain('given with --public-key');
    expect(given.stdout).toMatch(/note: revisions 6\.\.6 are not sealed yet/);
    expect(given.stdout).toMatch(/VALID\n$/);
    expect(given.code).toBe(0);

    const packKey = await check(p);
    expect(packKey.code).toBe(0);
    expect(packKey.stdout).toContain('proves consistency only');

    const strict = await check(p, '--public-key', publicKeyFile, '--require-sealed');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('FAIL unsealed tail: revisions 6..6 are not sealed yet');
  });

  it("fails (exit 1) with another key than the server's, naming each seal", async () => {
    const stranger = join(dir, 'stranger.pem');
    await writeFile(stranger, publicKeyPem(generateSigningKey()));
    const run = await check(await pack(), '--public-key', stranger);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL seal #0: signed by key \S+, not the key used to verify/);
    expect(run.stdout).toMatch(/FAIL seal #1: signed by key/);
  });

  it('fails when the pack leaves out a sealed event, or a proof', async () => {
    const p = await pack();
    const withoutEvent = { ...p, events: p.events.filter((e) => e.revision !== '2') };
    const run = await check(withoutEvent, '--public-key', publicKeyFile);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL event revision 3 \(id \S+, Step3\): found at place 2/);
    expect(run.stdout).toMatch(/FAIL event revision 3 .*prevHash .* is not the previous event's hash/);

    const withoutProof = { ...p, proofs: p.proofs.filter((x) => x.revision !== '1') };
    const noProof = await check(withoutProof, '--public-key', publicKeyFile);
    expect(noProof.code).toBe(1);
    expect(noProof.stdout).toMatch(/FAIL event revision 1 \(id \S+, Step1\): is in seal #0's range but has no proof/);
  });

  it('a pack built after a sealed event was altered in the database fails offline, naming that event', async () => {
    const target = (await t.raw.readStream(stream))[3];
    await tamper(
      t.pool,
      `UPDATE event_store.events SET data = jsonb_set(data, '{score}', '5') WHERE stream_name = $1 AND stream_revision = 3`,
      [stream],
    );
    try {
      const run = await check(await pack(), '--public-key', publicKeyFile);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `FAIL event revision 3 (id ${target.id}, Step3): its content does not match its hash`,
      );
      // The rewriter who also recomputes the hash cannot get it past the signed root.
      const p = await pack();
      const forged = p.events[3];
      const { hash: _old, ...rest } = forged.metadata;
      const rehashed = tool.eventHash(stream, { ...forged, metadata: rest });
      const consistent = {
        ...p,
        events: p.events.map((e, i) =>
          i === 3
            ? { ...e, metadata: { ...e.metadata, hash: rehashed } }
            : i === 4
              ? { ...e, metadata: { ...e.metadata, prevHash: rehashed } }
              : e,
        ),
      };
      const again = await check(consistent, '--public-key', publicKeyFile);
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(
        /FAIL event revision 3 .*its inclusion proof .* does not lead to seal #0's signed root/,
      );
      expect(again.stdout).toMatch(/FAIL event revision 4 .*its content does not match its hash/);
    } finally {
      await tamper(
        t.pool,
        `UPDATE event_store.events SET data = jsonb_set(data, '{score}', '3') WHERE stream_name = $1 AND stream_revision = 3`,
        [stream],
      );
    }
    expect((await check(await pack(), '--public-key', publicKeyFile)).code).toBe(0);
  });

  it('answers usage errors with exit 2', async () => {
    expect((await runTool([])).code).toBe(2);
    expect((await runTool([join(dir, 'missing.json')])).code).toBe(2);
    expect((await runTool([join(dir, 'x.json'), '--frobnicate'])).code).toBe(2);
    const p = join(dir, 'valid.json');
    await writeFile(p, JSON.stringify(await pack()));
    const badKey = join(dir, 'bad.pem');
    await writeFile(badKey, 'not a key');
    const run = await runTool([p, '--public-key', badKey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot use the public key');
    expect((await runTool([p, '--public-key'])).code).toBe(2);
  });

  it('`npm run cli -- evidence-pack` exports the same pack, which verifies; exit 1 for no appraisal, 2 for bad flags', async () => {
    const out = join(dir, 'exported.json');
    const env = { DATABASE_URL: t.db.url, AUDIT_SIGNING_KEY_FILE: keyFile };
    const run = await cli(['evidence-pack', '--cycle', CYCLE, '--nip', NIPS[1], '--out', out], env);
    expect(run.stderr).toContain(`wrote ${out}: 7 events, 2 seal(s), 1 event(s) not sealed yet\n`);
    expect(run.code).toBe(0);
    const exported = JSON.parse(await readFile(out, 'utf8')) as EvidencePack;
    const { createdAt: _a, ...rest } = exported;
    const { createdAt: _b, ...expected } = await pack();
    expect(rest).toEqual(expected);
    expect((await runTool([out, '--public-key', publicKeyFile])).code).toBe(0);

    const toStdout = await cli(['evidence-pack', '--cycle', CYCLE, '--nip', NIPS[0]], env);
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toMatchObject({ stream: appraisalStream(NIPS[0]) });

    const none = await cli(['evidence-pack', '--cycle', CYCLE, '--nip', '199912312020011999'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no appraisal of 199912312020011999 in cycle ${CYCLE}\n`);
    expect((await cli(['evidence-pack', '--cycle', CYCLE, '--nip', '123'], env)).code).toBe(2);
    expect((await cli(['evidence-pack', '--nip', NIPS[0]], env)).code).toBe(2);
  });
});

describe('buildEvidencePack (pure)', () => {
  it('refuses to build without the leaves of a covering seal', () => {
    const key = generateSigningKey();
    const seal = signSeal(
      {
        version: 1,
        sealIndex: 0,
        fromPosition: null,
        toPosition: '5/5',
        treeSize: 1,
        firstGlobalIndex: 0,
        merkleRoot: merkleRoot([Buffer.alloc(32)]).toString('hex'),
        previousSealRoot: null,
        previousSealHash: null,
        sealedAt: '2026-01-01T00:00:00.000Z',
        keyId: key.keyId,
        algorithm: 'Ed25519',
      },
      key,
    );
    const event = {
      streamName: 's',
      revision: 0n,
      id: 'e-1',
      type: 'T',
      data: {},
      metadata: { hash: '0'.repeat(64), prevHash: '0'.repeat(64) },
      position: { commit: 5n, prepare: 5n },
    } as unknown as Parameters<typeof buildEvidencePack>[0]['events'][number];
    const input = { stream: 's', events: [event], seals: [seal], publicKey: null, createdAt: 'now' };
    expect(() => buildEvidencePack({ ...input, ranges: new Map() })).toThrow("seal #0's range were not given");
    const built = buildEvidencePack({ ...input, ranges: new Map([[0, [{ id: 'e-1', hash: '0'.repeat(64) }]]]) });
    expect(built.proofs).toEqual([
      { eventId: 'e-1', revision: '0', sealIndex: 0, leafIndex: 0, treeSize: 1, auditPath: [] },
    ]);
  });
});
