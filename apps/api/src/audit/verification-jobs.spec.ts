// The in-memory registry of whole-store verification jobs: one at a time, outcome kept, old jobs forgotten.
import { describe, expect, it } from '@jest/globals';
import type { VerificationReport } from '../../../../libs/audit/src/verify/findings.js';
import { VerificationJobs } from './verification-jobs.js';

const report = { ok: true } as VerificationReport;

function deferred() {
  let resolve!: (r: VerificationReport) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<VerificationReport>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('VerificationJobs', () => {
  it('runs one job at a time: a start while one runs returns the running job', async () => {
    const run = deferred();
    let progress: ((p: { phase: 'events'; done: number; total: number }) => void) | undefined;
    const jobs = new VerificationJobs((onProgress) => {
      progress = onProgress;
      return run.promise;
    });
    const first = jobs.start('auditor-1');
    expect(first.started).toBe(true);
    const second = jobs.start('admin-1');
    expect(second).toEqual({ job: first.job, started: false });
    progress!({ phase: 'events', done: 3, total: 10 });
    expect(jobs.get(first.job.id)?.progress).toEqual({ phase: 'events', done: 3, total: 10 });
    run.resolve(report);
    await run.promise;
    await Promise.resolve();
    expect(jobs.get(first.job.id)).toMatchObject({ status: 'done', report, error: null });
    expect(jobs.get(first.job.id)?.finishedAt).not.toBeNull();
    expect(jobs.start('auditor-1').job.id).not.toBe(first.job.id);
  });

  it('keeps a failure as status failed with the error kind only, and reports it', async () => {
    const failures: unknown[] = [];
    const jobs = new VerificationJobs(
      () => Promise.reject(new TypeError('stream appraisal-c-199001012020011001 unreadable')),
      () => new Date('2026-01-01T00:00:00Z'),
      (e) => failures.push(e),
    );
    const { job } = jobs.start('auditor-1');
    await new Promise((r) => setImmediate(r));
    expect(jobs.get(job.id)).toMatchObject({
      status: 'failed',
      error: 'TypeError',
      finishedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(failures).toHaveLength(1);
  });

  it('forgets the oldest finished jobs beyond twenty', async () => {
    const jobs = new VerificationJobs(() => Promise.resolve(report));
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(jobs.start('auditor-1').job.id);
      await new Promise((r) => setImmediate(r));
    }
    expect(ids.filter((id) => jobs.get(id) !== undefined)).toHaveLength(20);
    expect(jobs.get(ids[0])).toBeUndefined();
    expect(jobs.get(ids[24])).toBeDefined();
  });
});
