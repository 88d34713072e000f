import {
  comparePositions,
  formatPosition,
  parsePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../../../event-store/src/port.js';
import { checkSealSignature, parseSeal, SEAL_STREAM, sealHash, sealLinkMismatches, type Seal } from '../seal/seal.js';
import type { SealPublicKey } from '../seal/signing-key.js';
import { cycleStreamMatcher } from './cycle-streams.js';
import type { Finding, VerificationReport, VerifyProgress, VerifyScope } from './findings.js';
import { SealRangeChecker, type RangeResult } from './seal-ranges.js';
import { ChainWatch, classifyStream, type SealStatus } from './stream-check.js';

// The verifier: recomputes every hash in scope, checks each stream's revisions and links, each seal's
// signature, its place in the seal chain and its Merkle root against the events now in its range. Reads
// only through the EventStore port, so it runs the same on PostgreSQL and EventStoreDB. See
// libs/audit/README.md for what is checked and what remains trusted.

export interface VerifyStoreOptions {
  store: EventStore;
  scope: VerifyScope;
  /** Keys seals may be signed with. Empty: signatures are not checked (and the summary says so). */
  publicKeys: readonly SealPublicKey[];
  onProgress?: (progress: VerifyProgress) => void;
  /** Seals known from outside the database (an earlier report, a publication): each must still be there, unchanged. */
  expectSeals?: ReadonlyArray<{ sealIndex: number; sealHash: string }>;
  /** Events per $all read. Default 1000. */
  pageSize?: number;
}

export async function verifyStore(options: VerifyStoreOptions): Promise<VerificationReport> {
  const { store, scope } = options;
  const progress = options.onProgress ?? (() => undefined);
  const findings: Finding[] = [];

  const sealEvents = await store.readStream(SEAL_STREAM);
  const seals = checkSeals(sealEvents, options.publicKeys, findings);
  findings.push(...checkExpectedSeals(seals, options.expectSeals ?? []));
  progress({ phase: 'seals', done: seals.length, total: seals.length });

  const inScope =
    scope.kind === 'all'
      ? () => true
      : scope.kind === 'cycle'
        ? cycleStreamMatcher(scope.cycleId)
        : (stream: string) => stream === scope.stream;
  const scan = { store, seals, inScope, progress, pageSize: options.pageSize ?? 1000 };
  const scanned = scope.kind === 'stream' ? await scanStream(scan, scope.stream) : await scanAll(scan);

  // Seal-range findings that concern the scope (all of them for --all).
  for (const result of scanned.ranges) {
    const concerned = scope.kind === 'all' || [...result.streams].some(inScope);
    for (const finding of result.findings) {
      if (finding.stream === undefined ? concerned : inScope(finding.stream)) findings.push(finding);
    }
  }
  const statusOf = (event: RecordedEvent): SealStatus => {
    const result = event.streamName === SEAL_STREAM ? undefined : findRange(scanned.ranges, event.position);
    return result
      ? { sealIndex: result.seal.sealIndex, intact: result.intact, inserted: result.inserted.has(event.id) }
      : undefined;
  };

  // The seal stream's own chain, then every stream that needs a closer look.
  const toClassify = [SEAL_STREAM, ...scanned.streamsToClassify.sort()];
  let done = 0;
  for (const stream of toClassify) {
    const events = stream === SEAL_STREAM ? sealEvents : await store.readStream(stream);
    findings.push(...classifyStream(events, statusOf));
    progress({ phase: 'streams', done: ++done, total: toClassify.length });
  }

  const unsealedTail = [...scanned.unsealed.entries()]
    .map(([stream, entry]) => ({ stream, events: entry.events, from: formatPosition(entry.from) }))
    .sort((a, b) => a.stream.localeCompare(b.stream));
  const last = seals.length > 0 ? seals[seals.length - 1] : undefined;
  return {
    ok: findings.length === 0,
    scope,
    summary: {
      eventsChecked: scanned.eventsChecked,
      streamsChecked: scanned.streamCount,
      seals: seals.length,
      signaturesChecked: options.publicKeys.length > 0,
      sealedUpTo: last ? last.toPosition : null,
      lastSeal: last
        ? { sealIndex: last.sealIndex, sealHash: sealHash(last), merkleRoot: last.merkleRoot, sealedAt: last.sealedAt }
        : null,
      unsealedEvents: unsealedTail.reduce((sum, s) => sum + s.events, 0),
    },
    findings,
    unsealedTail,
  };
}

interface Scan {
  store: EventStore;
  seals: Seal[];
  inScope: (stream: string) => boolean;
  progress: (progress: VerifyProgress) => void;
  pageSize: number;
}

interface Scanned {
  ranges: RangeResult[];
  eventsChecked: number;
  streamCount: number;
  /** Streams to read whole and classify. */
  streamsToClassify: string[];
  /** Per stream in scope: events after the last seal. */
  unsealed: Map<string, { events: number; from: Position }>;
}

/** One pass over $all: every sealed range rebuilt, every in-scope stream watched. */
async function scanAll({ store, seals, inScope, progress, pageSize }: Scan): Promise<Scanned> {
  const ranges = new SealRangeChecker(seals);
  const sealedTotal = seals.reduce((sum, s) => sum + s.treeSize, 0);
  const watch = new ChainWatch();
  const unsealed = new UnsealedTail(seals);
  let eventsChecked = 0;
  let seen = 0;
  let cursor: Position | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: pageSize });
    for (const event of page) {
      if (event.streamName === SEAL_STREAM) continue;
      seen++;
      ranges.add(event);
      if (!inScope(event.streamName)) continue;
      eventsChecked++;
      watch.add(event);
      unsealed.note(event);
    }
    progress({ phase: 'events', done: seen, total: Math.max(seen, sealedTotal) });
    if (page.length < pageSize) break;
    cursor = page[page.length - 1].position;
  }
  return {
    ranges: ranges.end(),
    eventsChecked,
    streamCount: watch.streams.length,
    streamsToClassify: [...watch.flagged],
    unsealed: unsealed.streams,
  };
}

/** One stream, and only the sealed ranges that hold its events. */
async function scanStream({ store, seals, progress, pageSize }: Scan, stream: string): Promise<Scanned> {
  const events = await store.readStream(stream);
  const sealFor = rangeLookup(seals);
  const unsealed = new UnsealedTail(seals);
  const needed = new Set<number>();
  for (const event of events) {
    const seal = sealFor(event.position);
    if (seal) needed.add(seal.sealIndex);
    else unsealed.note(event);
  }
  const neededSeals = seals.filter((s) => needed.has(s.sealIndex));
  const checker = new SealRangeChecker(neededSeals);
  const total = neededSeals.reduce((sum, s) => sum + s.treeSize, 0);
  let done = 0;
  for (const seal of neededSeals) {
    await readRange(store, seal, pageSize, (event) => {
      checker.add(event);
      done++;
    });
    progress({ phase: 'events', done, total: Math.max(done, total) });
  }
  return {
    ranges: checker.end(),
    eventsChecked: events.length,
    streamCount: events.length > 0 ? 1 : 0,
    streamsToClassify: events.length > 0 ? [stream] : [],
    unsealed: unsealed.streams,
  };
}

/** Counts, per stream, the events after the last seal. */
class UnsealedTail {
  readonly streams = new Map<string, { events: number; from: Position }>();
  private readonly lastSealed: Position | undefined;

  constructor(seals: readonly Seal[]) {
    this.lastSealed = seals.length > 0 ? parsePosition(seals[seals.length - 1].toPosition) : undefined;
  }

  note(event: RecordedEvent): void {
    if (this.lastSealed && comparePositions(event.position, this.lastSealed) <= 0) return;
    const entry = this.streams.get(event.streamName);
    if (entry) entry.events++;
    else this.streams.set(event.streamName, { events: 1, from: event.position });
  }
}

/** Seals recorded outside the database must still be in it, with the same hash. */
function checkExpectedSeals(
  seals: readonly Seal[],
  expected: ReadonlyArray<{ sealIndex: number; sealHash: string }>,
): Finding[] {
  return expected.flatMap(({ sealIndex, sealHash: recorded }) => {
    const seal = seals.find((s) => s.sealIndex === sealIndex);
    if (seal && sealHash(seal) === recorded) return [];
    return [
      {
        kind: 'seal_chain_broken' as const,
        stream: SEAL_STREAM,
        sealIndex,
        detail: seal
          ? `seal #${sealIndex} is not the one recorded (${recorded}): it was replaced`
          : `seal #${sealIndex}, recorded as ${recorded}, is gone: seals were removed`,
      },
    ];
  });
}

/** Parses, signature-checks and chain-checks the seal stream; returns the seals usable for range checks. */
function checkSeals(events: readonly RecordedEvent[], keys: readonly SealPublicKey[], findings: Finding[]): Seal[] {
  const seals: Seal[] = [];
  for (const event of events) {
    const at = {
      stream: SEAL_STREAM,
      revision: event.revision.toString(),
      eventId: event.id,
      position: formatPosition(event.position),
    };
    const seal = parseSeal(event.data);
    if (typeof seal === 'string') {
      findings.push({ ...at, kind: 'seal_invalid', detail: seal });
      continue;
    }
    const withIndex = { ...at, sealIndex: seal.sealIndex };
    if (keys.length > 0) {
      const signature = checkSealSignature(seal, keys);
      if (signature !== 'valid') {
        findings.push({
          ...withIndex,
          kind: 'seal_invalid',
          detail:
            signature === 'unknown_key'
              ? `signed by key ${seal.keyId}, which is not among the public keys given`
              : `its signature does not verify with key ${seal.keyId}: the seal was changed or forged`,
        });
      }
    }
    const previous = seals[seals.length - 1];
    const mismatches = sealLinkMismatches(seal, previous);
    if (mismatches.length > 0) {
      findings.push({
        ...withIndex,
        kind: 'seal_chain_broken',
        detail:
          `${previous ? `does not continue seal #${previous.sealIndex}` : 'is not a first seal'}: ` +
          `${mismatches.join(', ')} differ from what ${previous ? 'that seal' : 'a first seal'} implies`,
      });
    }
    if (previous && comparePositions(parsePosition(seal.toPosition), parsePosition(previous.toPosition)) <= 0) {
      // A range that goes backwards cannot be checked in $all order; the chain finding above names it.
      continue;
    }
    seals.push(seal);
  }
  return seals;
}

function rangeLookup(seals: readonly Seal[]): (p: Position) => Seal | undefined {
  const ranges = seals.map((seal) => ({
    seal,
    from: seal.fromPosition === null ? undefined : parsePosition(seal.fromPosition),
    to: parsePosition(seal.toPosition),
  }));
  return (p) =>
    ranges.find((r) => comparePositions(p, r.to) <= 0 && (!r.from || comparePositions(p, r.from) > 0))?.seal;
}

function findRange(results: readonly RangeResult[], p: Position): RangeResult | undefined {
  let low = 0;
  let high = results.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const r = results[mid];
    if (comparePositions(p, r.to) > 0) low = mid + 1;
    else if (r.from && comparePositions(p, r.from) <= 0) high = mid - 1;
    else return r;
  }
  return undefined;
}

/** Feeds the non-seal events of one seal's range, in $all order. */
async function readRange(
  store: EventStore,
  seal: Seal,
  pageSize: number,
  onEvent: (event: RecordedEvent) => void,
): Promise<void> {
  const to = parsePosition(seal.toPosition);
  let cursor: Position | undefined = seal.fromPosition === null ? undefined : parsePosition(seal.fromPosition);
  for (;;) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: pageSize });
    for (const event of page) {
      if (comparePositions(event.position, to) > 0) return;
      if (event.streamName !== SEAL_STREAM) onEvent(event);
    }
    if (page.length < pageSize) return;
    cursor = page[page.length - 1].position;
  }
}
