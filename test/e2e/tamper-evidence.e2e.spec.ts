// Tamper evidence in the running service (README "Tamper evidence"): a command on a stream whose hash chain
// was broken behind the service's back is refused (503 EVENT_CHAIN_BROKEN, nothing written), counted in
// /metrics and reported by /health/ready; the sealer runs in the embedded API; the public key is served.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readSigningKey } from '../../libs/audit/src/seal/key-file.js';
import { parsePublicKey, signBytes, verifyBytes } from '../../libs/audit/src/seal/signing-key.js';
import { verifyStore } from '../../libs/audit/src/verify/verify-store.js';
import type { Config } from '../../libs/config/src/config.js';
import { CONFIG } from '../../apps/api/src/tokens.js';
import { cli, tamper } from '../audit/tamper-support.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  CYCLE,
  NIPS,
  appraisalUrl,
  buildOrganization,
  kepsekRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';

const rhk = (id: string) => ({
  ...kepsekRhk,
  rhkId: id,
  iki: kepsekRhk.iki.map((i) => ({ ...i, ikiId: `${id}-iki` })),
});

describe('a broken hash chain refuses commands, shows in /metrics and /health/ready', () => {
  let h: ApiHarness;
  let t: Tokens;
  let superuser: pg.Pool;
  const kepsek = appraisalUrl(NIPS.KEPSEK);
  const kepsek2 = appraisalUrl(NIPS.KEPSEK2);

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    superuser = new pg.Pool({ connectionString: h.db.url, max: 1 });
  });
  afterAll(async () => {
    await superuser.end();
    await h.close();
  });

  it('is ready while every chain holds', async () => {
    const ready = await h.request({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', eventChain: { status: 'intact' } });
  });

  it('refuses a command on a tampered appraisal with 503 EVENT_CHAIN_BROKEN and writes nothing', async () => {
    await ok(h, 'POST', `${kepsek}/plan/rhk`, t.kepsek, rhk('rhk-a'));
    await tamper(
      superuser,
      `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"forged"') ` +
        `WHERE stream_name = $1 AND stream_revision = 1`,
      [`appraisal-${CYCLE}-${NIPS.KEPSEK}`],
    );
    const before = await h.countEvents();
    const sent = await send(h, 'POST', `${kepsek}/plan/rhk`, t.kepsek, rhk('rhk-b'));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'EVENT_CHAIN_BROKEN' });
    expect(sent.body.message).toContain('revision 1 (altered)');
    expect(await h.countEvents()).toBe(before);
  });

  it('degrades /health/ready and counts the refusal by stream category, without a NIP', async () => {
    const ready = await h.request({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not-ready', eventChain: { status: 'broken', streams: 1 } });
    const metrics = (await h.request({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^kinerja_event_chain_broken_total\{category="appraisal"\} 1$/m);
    expect(metrics).not.toContain(NIPS.KEPSEK);
  });

  it('answers 404 AUDIT_KEY_NOT_CONFIGURED for the public key when this server has no signing key', async () => {
    // This harness runs without a sealer, so nothing created the key file.
    const response = await h.request({ method: 'GET', url: '/api/v1/audit/public-key' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'AUDIT_KEY_NOT_CONFIGURED' });
  });

  it('still serves commands on other appraisals', async () => {
    const before = await h.countEvents();
    await ok(h, 'POST', `${kepsek2}/plan/rhk`, t.kepsek2, rhk('rhk-c'));
    expect(await h.countEvents()).toBe(before + 1);
  });
});

describe('the sealer in the embedded API, and the public key route', () => {
  let h: ApiHarness;
  let t: Tokens;

  beforeAll(async () => {
    h = await startApiHarness({ AUDIT_SEALER: 'on', AUDIT_SEAL_INTERVAL_MS: '300' });
    t = await tokensFor(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('seals the events appended, and the seals verify clean with the published key', async () => {
    await buildOrganization(h, t);
    await openCycle(h);
    const served = (await h.request({ method: 'GET', url: '/api/v1/audit/public-key' })).json() as { pem: string };
    const publicKey = parsePublicKey(served.pem);
    const store = h.api.infrastructure.rawEventStore;
    const report = await h.eventually(async () => {
      const r = await verifyStore({ store, scope: { kind: 'all' }, publicKeys: [publicKey] });
      return r.summary.seals > 0 && r.summary.unsealedEvents === 0 ? r : undefined;
    });
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.summary.eventsChecked).toBeGreaterThan(10);
  });

  it('serves the Ed25519 public key without authentication, as JWK and PEM with its key id', async () => {
    const response = await h.request({ method: 'GET', url: '/api/v1/audit/public-key' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { keyId: string; algorithm: string; jwk: Record<string, string>; pem: string };
    const key = await readSigningKey({ file: h.api.app.get<Config>(CONFIG).audit.signingKeyFile });
    expect(key).toBeDefined();
    expect(body).toEqual({
      keyId: key!.keyId,
      algorithm: 'Ed25519',
      jwk: { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: key!.keyId, alg: 'EdDSA', use: 'sig' },
      pem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
    });
    expect(body).not.toHaveProperty('d');
    expect(JSON.stringify(body)).not.toContain('PRIVATE');
    const signed = Buffer.from('kinerja');
    expect(verifyBytes(parsePublicKey(JSON.stringify(body.jwk)), signed, signBytes(key!, signed))).toBe(true);
  });

  it('lets an auditor verify offline with the CLI and the fetched key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kinerja-pubkey-'));
    try {
      const body = (await h.request({ method: 'GET', url: '/api/v1/audit/public-key' })).json() as { pem: string };
      await writeFile(join(dir, 'seal-key.pem'), body.pem);
      const run = await cli(['verify', '--json', '--public-key', join(dir, 'seal-key.pem')], {
        DATABASE_URL: h.db.url,
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
