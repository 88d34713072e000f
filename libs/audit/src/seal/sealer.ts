import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../../../event-store/src/errors.js';
import {
  formatPosition,
  parsePosition,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '../../../event-store/src/port.js';
import { GENESIS_HASH, recomputeHash } from '../hash-chain.js';
import { MerkleRootBuilder } from '../merkle/merkle-tree.js';
import {
  eventLeaf,
  nextSealLink,
  parseSeal,
  SEAL_EVENT_TYPE,
  SEAL_STREAM,
  SEAL_VERSION,
  signSeal,
  type Seal,
} from './seal.js';
import type { SealSigningKey } from './signing-key.js';

// Appends one seal over the events since the last one. Framework-free, over the EventStore port, so the
// API, the projector and the CLI can all run it. Two sealers cannot fork the seal stream: each appends at
// the revision of the seal it continued, and the loser of a race gets a conflict and seals nothing.

export interface SealOnceOptions {
  store: EventStore;
  key: SealSigningKey;
  /** At most this many events per seal (the rest go to the next one). Default 10,000. */
  maxTreeSize?: number;
  now?: () => Date;
  /** Events per $all read. Default 500. */
  pageSize?: number;
}

export type SealOutcome =
  | { kind: 'sealed'; seal: Seal }
  | { kind: 'nothing_to_seal' }
  /** Another sealer appended first; its seal stands. */
  | { kind: 'conflict' };

/** The sealer refuses to put its signature on events whose chain does not hold. */
export class SealRefusedError extends Error {
  override readonly name = 'SealRefusedError';
  constructor(
    readonly problems: Array<{ stream: string; revision: bigint; eventId: string; position: string; detail: string }>,
  ) {
    // No stream name in the message: it goes to logs, and appraisal stream names carry a NIP.
    super(
      `refusing to seal: ${problems.length} event(s) fail the hash chain, the first at $all position ` +
        `${problems[0].position} (${problems[0].detail})`,
    );
  }
}

export class SealStreamError extends Error {
  override readonly name = 'SealStreamError';
}

/** The last seal and its revision in the seal stream (undefined: no seal yet). */
export async function lastSeal(store: EventStore): Promise<{ seal: Seal; revision: bigint } | undefined> {
  const [event] = await store.readStream(SEAL_STREAM, { direction: 'backwards', maxCount: 1 });
  if (!event) return undefined;
  const seal = parseSeal(event.data);
  if (typeof seal === 'string') throw new SealStreamError(`${SEAL_STREAM}@${event.revision}: ${seal}`);
  return { seal, revision: event.revision };
}

export async function sealOnce(options: SealOnceOptions): Promise<SealOutcome> {
  const { store, key } = options;
  const maxTreeSize = options.maxTreeSize ?? 10_000;
  const pageSize = options.pageSize ?? 500;
  const previous = await lastSeal(store);
  const link = nextSealLink(previous?.seal);
  const events = await unsealedEvents(store, link.fromPosition, maxTreeSize, pageSize);
  if (events.length === 0) return { kind: 'nothing_to_seal' };
  await requireIntactChains(store, events);

  const tree = new MerkleRootBuilder();
  for (const event of events) tree.append(eventLeaf(event.metadata.hash));
  const seal = signSeal(
    {
      version: SEAL_VERSION,
      ...link,
      toPosition: formatPosition(events[events.length - 1].position),
      treeSize: events.length,
      merkleRoot: tree.root().toString('hex'),
      sealedAt: (options.now ?? (() => new Date()))().toISOString(),
      keyId: key.keyId,
      algorithm: 'Ed25519',
    },
    key,
  );
  const event: NewEvent = {
    id: randomUUID(),
    type: SEAL_EVENT_TYPE,
    data: seal as unknown as Record<string, unknown>,
    metadata: {
      actor: { id: 'sealer', role: 'system' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: seal.sealedAt,
    },
  };
  try {
    await store.appendToStream(SEAL_STREAM, [event], { expected: previous ? previous.revision : 'no_stream' });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return { kind: 'conflict' };
    throw error;
  }
  return { kind: 'sealed', seal };
}

/** Up to `max` events after `from` in $all order, seal events left out. */
export async function unsealedEvents(
  store: EventStore,
  from: string | null,
  max: number,
  pageSize: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor: Position | undefined = from === null ? undefined : parsePosition(from);
  while (events.length < max) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: pageSize });
    for (const event of page) {
      if (event.streamName !== SEAL_STREAM) events.push(event);
      if (events.length >= max) break;
    }
    if (page.length < pageSize) break;
    cursor = page[page.length - 1].position;
  }
  return events;
}

/** Each event's hash matches its content and links to its stream's previous event. */
async function requireIntactChains(store: EventStore, events: RecordedEvent[]): Promise<void> {
  const tips = new Map<string, { revision: bigint; hash: unknown }>();
  const problems: SealRefusedError['problems'] = [];
  for (const event of events) {
    const at = {
      stream: event.streamName,
      revision: event.revision,
      eventId: event.id,
      position: formatPosition(event.position),
    };
    if (event.metadata.hash !== recomputeHash(event)) {
      problems.push({ ...at, detail: 'stored hash does not match the content' });
    }
    let tip = tips.get(event.streamName);
    if (!tip || tip.revision !== event.revision - 1n) {
      if (event.revision === 0n) tip = { revision: -1n, hash: GENESIS_HASH };
      else {
        const [before] = await store.readStream(event.streamName, { from: event.revision - 1n, maxCount: 1 });
        tip =
          before?.revision === event.revision - 1n
            ? { revision: before.revision, hash: before.metadata.hash }
            : undefined;
      }
    }
    if (!tip) problems.push({ ...at, detail: `revision ${event.revision - 1n} is missing` });
    else if (event.metadata.prevHash !== tip.hash) {
      problems.push({ ...at, detail: 'prevHash does not name the previous event' });
    }
    tips.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
  }
  if (problems.length > 0) throw new SealRefusedError(problems);
}

export interface StartSealerOptions {
  store: EventStore;
  key: SealSigningKey;
  /** Seal at least this often when there is something to seal. */
  intervalMs: number;
  /** Seal as soon as this many events are unsealed (also the most one seal covers). */
  maxUnsealed: number;
  /** How often the unsealed count is checked. Default intervalMs / 10, at least 1 s. */
  checkEveryMs?: number;
  log?: (level: 'info' | 'error', message: string) => void;
}

/**
 * Runs the sealer until the returned function is called (it resolves when a seal in progress is done).
 * Meant for one active instance; a second one is harmless (it loses each race and seals nothing).
 */
export function startSealer(options: StartSealerOptions): () => Promise<void> {
  const log = options.log ?? (() => undefined);
  const checkEveryMs = options.checkEveryMs ?? Math.max(1000, Math.floor(options.intervalMs / 10));
  let lastSealAt = Date.now();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const tick = async (): Promise<void> => {
    const due = Date.now() - lastSealAt >= options.intervalMs;
    if (!due) {
      const previous = await lastSeal(options.store);
      const pending = await unsealedEvents(
        options.store,
        previous ? previous.seal.toPosition : null,
        options.maxUnsealed,
        Math.min(500, options.maxUnsealed),
      );
      if (pending.length < options.maxUnsealed) return;
    }
    const outcome = await sealOnce({ store: options.store, key: options.key, maxTreeSize: options.maxUnsealed });
    lastSealAt = Date.now();
    if (outcome.kind === 'sealed') {
      log('info', `seal ${outcome.seal.sealIndex}: ${outcome.seal.treeSize} events up to ${outcome.seal.toPosition}`);
    }
  };

  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(tick)
      .catch((error: unknown) => log('error', `sealer: ${error instanceof Error ? error.message : String(error)}`));
  }, checkEveryMs);
  timer.unref();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
