// The load generator, run as its own process so that neither it nor the server under test shares an event loop
// with the other: node:http with a keep-alive agent, every request prepared beforehand, each latency kept.
// Usage: node --import ./libs/runtime/loader/register-ts.mjs test/bench/api/load-generator.ts <task.json>
// Prints sample lines while running (when asked) and one summary line at the end, on stdout.
import { readFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { percentile } from '../store/stats.js';
import {
  epochMs,
  SAMPLE_PREFIX,
  SUMMARY_PREFIX,
  type Chain,
  type LoadSummary,
  type LoadTask,
  type PreparedRequest,
  type ReplySample,
} from './load-task.js';

interface Outcome {
  kind: string;
  ms: number;
  status: number;
  ok: boolean;
}

async function run(task: LoadTask): Promise<LoadSummary> {
  const base = new URL(task.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: task.mode === 'closed' ? task.clients : 1024 });
  const outcomes: Outcome[] = [];
  let successes = 0;
  const send = async (req: PreparedRequest, plannedAt: number): Promise<boolean> => {
    // A refused or reset connection is status 0: an error like any other unexpected answer.
    const { status, etag } = await once(agent, base, req).catch(() => ({ status: 0, etag: undefined }));
    const repliedAt = epochMs();
    const ok = status === req.expect;
    outcomes.push({ kind: req.kind, ms: repliedAt - plannedAt, status, ok });
    if (ok && task.sampleEvery > 0 && ++successes % task.sampleEvery === 0) {
      const revision = /(\d+)/.exec(etag ?? '')?.[1];
      const sample: ReplySample = {
        kind: req.kind,
        path: req.path,
        revision: revision === undefined ? null : Number(revision),
        repliedAt,
      };
      process.stdout.write(`${SAMPLE_PREFIX}${JSON.stringify(sample)}\n`);
    }
    return ok;
  };
  // A chain stops at its first failure: the rating after a refused self-assessment would measure nothing useful.
  const runChain = async (chain: Chain, plannedAt: number) => {
    for (const [i, req] of chain.entries()) {
      if (!(await send(req, i === 0 ? plannedAt : epochMs()))) return;
    }
  };
  const total = task.cycle ? Number.POSITIVE_INFINITY : task.chains.length;
  const chainAt = (n: number) => task.chains[n % task.chains.length];
  let next = 0;
  const started = epochMs();
  const deadline = started + task.durationSeconds * 1000;
  if (task.mode === 'closed') {
    const worker = async () => {
      while (next < total && epochMs() < deadline) await runChain(chainAt(next++), epochMs());
    };
    await Promise.all(Array.from({ length: task.clients }, worker));
  } else {
    const inFlight = new Set<Promise<void>>();
    const interval = 1000 / task.rate;
    while (next < total) {
      const plannedAt = started + next * interval;
      if (plannedAt >= deadline) break;
      const wait = plannedAt - epochMs();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const p = runChain(chainAt(next++), plannedAt).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
  }
  const seconds = (epochMs() - started) / 1000;
  agent.destroy();
  return summarise(outcomes, seconds, task.cycle ? 0 : task.chains.length - next);
}

let failuresLogged = 0;

function once(agent: Agent, base: URL, req: PreparedRequest): Promise<{ status: number; etag?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${req.token}` };
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(req.body);
    }
    const r = httpRequest(
      { agent, host: base.hostname, port: base.port, method: req.method, path: req.path, headers },
      (res) => {
        // The body is not needed, only read to free the socket; kept for the first few failures' log.
        let body = '';
        const failed = res.statusCode !== req.expect && failuresLogged < 3;
        res.on('data', (chunk: Buffer) => failed && (body += chunk.toString()));
        res.on('end', () => {
          if (failed) {
            failuresLogged++;
            process.stderr.write(`${req.kind}: HTTP ${res.statusCode} ${body.slice(0, 300)}\n`);
          }
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

function summarise(outcomes: readonly Outcome[], seconds: number, unsentChains: number): LoadSummary {
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  const kinds = ['all', ...new Set(outcomes.map((o) => o.kind))];
  const latency = Object.fromEntries(
    kinds.map((kind) => {
      const ms = outcomes.filter((o) => kind === 'all' || o.kind === kind).map((o) => o.ms);
      const p = (q: number) => percentile(ms, q);
      return [kind, { count: ms.length, p50Ms: p(50), p95Ms: p(95), p99Ms: p(99) }];
    }),
  );
  return {
    requests: outcomes.length,
    seconds,
    perSecond: outcomes.length / seconds,
    errors: outcomes.filter((o) => !o.ok).length,
    statuses,
    latency,
    unsentChains,
  };
}

const task = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as LoadTask;
const summary = await run(task);
process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(summary)}\n`);
