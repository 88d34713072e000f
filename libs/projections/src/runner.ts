// Runs one projection: waits as a standby until it holds the projection's advisory lock, then follows $all
// from the active generation's checkpoint, batch by batch. It gives the lock up when it stops, when a
// rebuild asks to take over (the takeover lock is held), and when its checkpoint moves under it.
import type { EventStore } from '../../event-store/src/port.js';
import { formatPosition } from '../../event-store/src/port.js';
import { catchUp } from './catch-up.js';
import { CheckpointConflictError, readCheckpoint, type Checkpoint } from './checkpoint.js';
import {
  createGeneration,
  dropGeneration,
  dropLeftoverGenerations,
  findActiveGeneration,
  switchActiveGeneration,
  type Generation,
} from './generations.js';
import { measureLag } from './lag.js';
import { LockConnection, isLockHeld } from './lock-connection.js';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import { assertProjectionName, type Projection, type ReadModelDb } from './projection.js';
import { migrateProjectionTables } from './projection-tables.js';
import { initialStatus, type ProjectionStatus } from './status.js';

export type ProjectionLogger = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface ProjectionRunnerOptions {
  projection: Projection;
  store: EventStore;
  /** The read-model database. */
  db: ReadModelDb;
  /** The same database, for the runner's dedicated lock connection. */
  connectionString: string;
  /** Events per transaction while catching up (default 500). */
  batchSize?: number;
  /** How long an idle subscription waits before the runner checks for stop/takeover (default 1000 ms). */
  idleMs?: number;
  /** How often lag is measured while behind (default 5000 ms); it is 0 without measuring when caught up. */
  lagSampleMs?: number;
  /** First retry delay after a failure, doubling up to 30 s (default 1000 ms). */
  retryDelayMs?: number;
  log?: ProjectionLogger;
}

const TAKEOVER_CHECK_MS = 250;
const MAX_RETRY_MS = 30_000;

export const stderrLogger: ProjectionLogger = (level, message) => console.error(`[projector] ${level}: ${message}`);

export class ProjectionRunner {
  readonly name: string;
  private readonly key: number;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly lagSampleMs: number;
  private readonly retryDelayMs: number;
  private readonly log: ProjectionLogger;
  private current: ProjectionStatus;
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private lockConnection: LockConnection | undefined;
  private session: AbortController | undefined;
  private wake: (() => void) | undefined;
  private waitForRebuild = false;
  private lastTakeoverCheck = 0;
  private lastLagSample = 0;
  private lagSample: Promise<void> | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    assertProjectionName(options.projection.name);
    this.name = options.projection.name;
    this.key = projectionLockKey(this.name);
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.lagSampleMs = options.lagSampleMs ?? 5000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? stderrLogger;
    this.current = initialStatus(this.name);
  }

  start(): this {
    this.loopDone ??= this.loop();
    return this;
  }

  status(): ProjectionStatus {
    return { ...this.current };
  }

  /** Ends gracefully: an active runner commits its batch in progress and releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.session?.abort();
    this.wake?.();
    // A standby is blocked in pg_advisory_lock: ending its connection ends the wait.
    if (!this.current.active) await this.lockConnection?.close();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    let failureStreak = 0;
    while (!this.stopping) {
      let connection: LockConnection | undefined;
      try {
        this.update({ state: 'standby', active: false, caughtUp: false });
        connection = this.lockConnection = await LockConnection.open(
          this.options.connectionString,
          `kinerja-projector:${this.name}`,
        );
        if (this.stopping) break;
        if (this.waitForRebuild) await connection.waitUntilFree(LockNamespace.rebuild, this.key);
        this.waitForRebuild = false;
        // Give way to a rebuild that is taking over, then queue for the lock (FIFO behind that rebuild).
        await connection.waitUntilFree(LockNamespace.takeover, this.key);
        await connection.lock(LockNamespace.runner, this.key);
        if (this.stopping) break;
        await this.runSession(connection);
        failureStreak = 0;
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof CheckpointConflictError) {
          this.log('warn', `${this.name}: ${error.message}; standing by`);
          await this.pause(this.idleMs);
          continue;
        }
        failureStreak++;
        const delay = Math.min(MAX_RETRY_MS, this.retryDelayMs * 2 ** (failureStreak - 1));
        this.update({ state: 'retrying', failures: this.current.failures + 1, lastError: describe(error) });
        this.log('error', `${this.name}: ${describe(error)}; retrying in ${delay} ms`);
        await this.pause(delay);
      } finally {
        this.lockConnection = undefined;
        this.update({ active: false, generation: null });
        await connection?.close();
      }
    }
    this.update({ state: 'stopped', active: false, caughtUp: false, lagEvents: 0, lagMs: 0 });
  }

  /** One tenure as the active instance, from acquiring the lock to giving it up. */
  private async runSession(connection: LockConnection): Promise<void> {
    const session = (this.session = new AbortController());
    connection.onLost((error) => {
      this.log('warn', `${this.name}: lock connection lost (${error.message}); stopping this session`);
      session.abort();
    });
    try {
      const { db, projection } = this.options;
      await migrateProjectionTables(db);
      if (this.stopping || (await this.takeoverRequested(true))) return;
      this.update({ active: true, state: 'catching-up' });
      await dropLeftoverGenerations(db, this.name, { building: false });
      let generation =
        (await findActiveGeneration(db, this.name)) ?? (await createGeneration(db, projection, 'active'));
      if (generation.version !== projection.version) {
        const upgraded = await this.upgrade(connection, generation, session.signal);
        if (!upgraded) return;
        generation = upgraded;
      }
      const checkpoint = await readCheckpoint(db, this.name, generation.generation);
      this.update({ state: 'catching-up', generation: generation.generation, caughtUp: false });
      this.recordCheckpoint(checkpoint, false);
      this.lastLagSample = 0;
      const { end } = await catchUp({
        ...this.catchUpSettings(),
        generation,
        checkpoint,
        untilCaughtUp: false,
        signal: session.signal,
        shouldStop: () => this.stopping || this.takeoverRequested(false),
        onBatch: (cp, caughtUp) => {
          this.update({ state: caughtUp ? 'live' : 'catching-up' });
          this.recordCheckpoint(cp, caughtUp);
        },
      });
      if (end === 'stopped' && !this.stopping && !session.signal.aborted) {
        this.log('info', `${this.name}: a rebuild is taking over; standing by`);
      }
    } finally {
      this.session = undefined;
      await this.lagSample;
    }
  }

  /**
   * The projection's code changed version: build a generation with it from the start (the old one stays
   * readable, frozen, meanwhile), then switch. Gives way if a rebuild is already doing the same.
   */
  private async upgrade(
    connection: LockConnection,
    old: Generation,
    signal: AbortSignal,
  ): Promise<Generation | undefined> {
    const { db, projection } = this.options;
    if (!(await connection.tryLock(LockNamespace.rebuild, this.key))) {
      this.log('info', `${this.name}: version ${projection.version} is being rebuilt elsewhere; standing by`);
      this.waitForRebuild = true;
      return undefined;
    }
    try {
      this.log('info', `${this.name}: version ${old.version} -> ${projection.version}, building a new generation`);
      this.update({ state: 'upgrading' });
      await dropLeftoverGenerations(db, this.name, { building: true });
      const next = await createGeneration(db, projection, 'building');
      this.update({ generation: next.generation });
      const { end } = await catchUp({
        ...this.catchUpSettings(),
        generation: next,
        checkpoint: await readCheckpoint(db, this.name, next.generation),
        untilCaughtUp: true,
        signal,
        shouldStop: () => this.stopping,
        onBatch: (cp) => this.recordCheckpoint(cp, false),
      });
      if (end !== 'caughtUp') return undefined; // the next upgrade drops the half-built generation
      const retired = await switchActiveGeneration(db, this.name, next.generation);
      if (retired) await dropGeneration(db, retired);
      this.log('info', `${this.name}: switched to generation ${next.generation}`);
      return { ...next, status: 'active' };
    } finally {
      await connection.unlock(LockNamespace.rebuild, this.key).catch(() => undefined);
    }
  }

  private catchUpSettings() {
    const { db, store, projection } = this.options;
    return { db, store, projection, batchSize: this.batchSize, idleMs: this.idleMs };
  }

  private recordCheckpoint(checkpoint: Checkpoint, caughtUp: boolean): void {
    this.update({
      checkpoint: checkpoint.position ? formatPosition(checkpoint.position) : null,
      eventsApplied: checkpoint.eventsApplied,
      eventsSeen: checkpoint.eventsSeen,
      caughtUp,
      ...(caughtUp ? { lagEvents: 0, lagMs: 0 } : {}),
    });
    if (!caughtUp) this.sampleLag(checkpoint);
  }

  /** Measures lag in the background, at most every lagSampleMs, so batches are not slowed down. */
  private sampleLag(checkpoint: Checkpoint): void {
    const now = Date.now();
    if (this.lagSample || now - this.lastLagSample < this.lagSampleMs) return;
    this.lastLagSample = now;
    this.lagSample = measureLag(this.options.store, checkpoint)
      .then((lag) => {
        if (!this.current.caughtUp) this.update({ lagEvents: lag.events, lagMs: lag.ms });
      })
      .catch((error: unknown) => this.log('warn', `${this.name}: measuring lag failed: ${describe(error)}`))
      .finally(() => {
        this.lagSample = undefined;
      });
  }

  private async takeoverRequested(force: boolean): Promise<boolean> {
    const now = Date.now();
    if (!force && now - this.lastTakeoverCheck < TAKEOVER_CHECK_MS) return false;
    this.lastTakeoverCheck = now;
    return isLockHeld(this.options.db, LockNamespace.takeover, this.key);
  }

  /** Sleeps, unless stop() wakes it first. */
  private async pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private update(patch: Partial<ProjectionStatus>): void {
    this.current = { ...this.current, ...patch };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
