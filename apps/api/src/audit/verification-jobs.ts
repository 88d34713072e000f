// Whole-store verifications run as jobs (README "Verifying the record"): POST starts one, GET follows its
// progress and returns the report when done. The registry lives in this API process's memory: it does not
// survive a restart (start the job again, or run `npm run cli -- verify --all`), and another API instance
// does not see it. At most one runs at a time: the verifier reads all of $all, and a second request while one
// runs gets the running job. The last KEEP jobs are kept.
import { randomUUID } from 'node:crypto';
import type { VerificationReport, VerifyProgress } from '../../../../libs/audit/src/verify/findings.js';

const KEEP = 20;

export interface VerificationJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  /** The account that started it. */
  startedBy: string;
  progress: VerifyProgress | null;
  report: VerificationReport | null;
  /** Why it failed (the store could not be read), without stream names. */
  error: string | null;
}

export type RunVerification = (onProgress: (p: VerifyProgress) => void) => Promise<VerificationReport>;

export class VerificationJobs {
  private readonly jobs = new Map<string, VerificationJob>();

  constructor(
    private readonly run: RunVerification,
    private readonly now: () => Date = () => new Date(),
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts a job, or returns the one running (`started: false`). */
  start(startedBy: string): { job: VerificationJob; started: boolean } {
    const running = [...this.jobs.values()].find((j) => j.status === 'running');
    if (running) return { job: running, started: false };
    const job: VerificationJob = {
      id: randomUUID(),
      status: 'running',
      startedAt: this.now().toISOString(),
      finishedAt: null,
      startedBy,
      progress: null,
      report: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.forgetOld();
    // Not awaited: the request answers 202 at once; the outcome is kept on the job.
    void this.run((p) => {
      job.progress = p;
    }).then(
      (report) => {
        job.report = report;
        job.status = 'done';
        job.finishedAt = this.now().toISOString();
      },
      (error: unknown) => {
        job.status = 'failed';
        job.error = error instanceof Error ? error.name : 'Error';
        job.finishedAt = this.now().toISOString();
        this.onFailure(error);
      },
    );
    return { job, started: true };
  }

  get(id: string): VerificationJob | undefined {
    return this.jobs.get(id);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEEP))) this.jobs.delete(job.id);
  }
}
