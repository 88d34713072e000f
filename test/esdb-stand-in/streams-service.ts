// TEST STAND-IN ONLY: Streams.Append and Streams.Read of the in-memory EventStoreDB stand-in (README.md).
// Reads, $all reads and catch-up subscriptions are answered from InMemoryLog; writes are not back-pressured
// (test volumes are small).
import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { comparePositions, type Expectation, type InMemoryLog, type StoredEvent } from './in-memory-log.js';
import {
  AppendReq,
  AppendResp,
  Empty,
  ReadReq,
  caughtUpMessage,
  confirmationMessage,
  eventMessage,
  positionOf,
  streamNameOf,
  streamNotFoundMessage,
  uuidText,
  type AppendRequest,
  type AppendResponse,
  type ReadRequest,
  type ReadResponse,
} from './messages.js';

type ReadOptions = InstanceType<typeof ReadReq.Options>;
type Predicate = (event: StoredEvent) => boolean;
const { ReadDirection, CountOptionCase } = ReadReq.Options;
const StreamRevisionCase = ReadReq.Options.StreamOptions.RevisionOptionCase;
const AllCase = ReadReq.Options.AllOptions.AllOptionCase;
const ExpectedCase = AppendReq.Options.ExpectedStreamRevisionCase;

export function createStreamsService(log: InMemoryLog): grpc.UntypedServiceImplementation {
  return {
    append: (
      call: grpc.ServerReadableStream<AppendRequest, AppendResponse>,
      done: grpc.sendUnaryData<AppendResponse>,
    ) => append(log, call, done),
    read: (call: grpc.ServerWritableStream<ReadRequest, ReadResponse>) => {
      try {
        read(log, call);
      } catch (error) {
        call.emit('error', { code: status.INVALID_ARGUMENT, details: (error as Error).message });
      }
    },
  };
}

// Client-streaming: the options message first, then one message per proposed event.
function append(
  log: InMemoryLog,
  call: grpc.ServerReadableStream<AppendRequest, AppendResponse>,
  done: grpc.sendUnaryData<AppendResponse>,
): void {
  const requests: AppendRequest[] = [];
  call.on('data', (request: AppendRequest) => requests.push(request));
  call.on('error', () => undefined);
  call.on('end', () => {
    try {
      const [header, ...messages] = requests;
      const options = header?.getOptions();
      if (!options) throw new Error('the first append message must carry the options');
      const streamName = streamNameOf(options.getStreamIdentifier());
      const expected = expectationOf(options);
      const proposed = messages.map((request) => {
        const message = request.getProposedMessage();
        if (!message) throw new Error('expected a proposed message');
        const type = message.getMetadataMap().get('type');
        const contentType = message.getMetadataMap().get('content-type');
        if (!type || !contentType) throw new Error('type and content-type metadata are required');
        const id = uuidText(message.getId());
        return { id, type, contentType, data: message.getData_asU8(), metadata: message.getCustomMetadata_asU8() };
      });
      done(null, appendResponse(log.append(streamName, expected, proposed), expected));
    } catch (error) {
      done({ code: status.INVALID_ARGUMENT, details: (error as Error).message });
    }
  });
}

function expectationOf(options: InstanceType<typeof AppendReq.Options>): Expectation {
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedCase.REVISION:
      return BigInt(options.getRevision());
    case ExpectedCase.NO_STREAM:
      return 'no_stream';
    case ExpectedCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

// Fills both the current fields and the legacy *_20_6_0 ones, as the server does.
function appendResponse(outcome: ReturnType<InMemoryLog['append']>, expected: Expectation): AppendResponse {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) {
      const { commit, prepare } = outcome.position;
      success.setPosition(
        new AppendResp.Position().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString()),
      );
    } else {
      success.setNoPosition(new Empty());
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision < 0n) wrong.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else
    wrong
      .setCurrentRevision(outcome.currentRevision.toString())
      .setCurrentRevision2060(Number(outcome.currentRevision));
  if (expected === 'any') wrong.setExpectedAny(new Empty()).setAny2060(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else wrong.setExpectedRevision(expected.toString()).setExpectedRevision2060(Number(expected));
  return new AppendResp().setWrongExpectedVersion(wrong);
}

function read(log: InMemoryLog, call: grpc.ServerWritableStream<ReadRequest, ReadResponse>): void {
  const options = call.request.getOptions();
  if (!options) throw new Error('read options are required');
  if (options.hasSubscription()) return subscribe(log, call, options);

  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const count = options.getCountOptionCase() === CountOptionCase.COUNT ? Number(options.getCount()) : Infinity;
  let events: StoredEvent[];
  if (options.hasStream()) {
    const streamOptions = options.getStream()!;
    const streamName = streamNameOf(streamOptions.getStreamIdentifier());
    const stream = log.stream(streamName);
    if (!stream) {
      call.write(streamNotFoundMessage(streamName));
      call.end();
      return;
    }
    const from = (() => {
      switch (streamOptions.getRevisionOptionCase()) {
        case StreamRevisionCase.REVISION:
          return Number(streamOptions.getRevision());
        case StreamRevisionCase.END:
          return backwards ? stream.length - 1 : stream.length;
        default:
          return 0;
      }
    })();
    events = backwards ? stream.slice(0, from + 1).reverse() : stream.slice(from);
  } else {
    const allOptions = options.getAll()!;
    const all = log.allEvents();
    const from = allOptions.getAllOptionCase();
    const position = allOptions.hasPosition() ? positionOf(allOptions.getPosition()!) : undefined;
    if (backwards) {
      // Backwards from a position: the events before it (the record at the position is not included).
      const before = position ? all.filter((e) => comparePositions(e.position, position) < 0) : [];
      events = from === AllCase.END ? [...all].reverse() : before.reverse();
    } else {
      const after = position ? all.filter((e) => comparePositions(e.position, position) >= 0) : [];
      events = from === AllCase.START ? [...all] : after;
    }
    events = events.filter(filterOf(options));
  }
  for (const event of events.slice(0, count)) call.write(eventMessage(event));
  call.end();
}

// Catch-up subscription: confirmation, history, caught-up, then live events. History and the live
// listener are set up in the same synchronous turn, so no write can fall between them.
function subscribe(log: InMemoryLog, call: grpc.ServerWritableStream<ReadRequest, ReadResponse>, options: ReadOptions) {
  let history: readonly StoredEvent[];
  let selects: Predicate;
  if (options.hasStream()) {
    const streamOptions = options.getStream()!;
    const streamName = streamNameOf(streamOptions.getStreamIdentifier());
    const stream = log.stream(streamName) ?? [];
    const revisionCase = streamOptions.getRevisionOptionCase();
    // A subscription's starting revision is exclusive: it delivers the events after it.
    const after = revisionCase === StreamRevisionCase.REVISION ? BigInt(streamOptions.getRevision()) : -1n;
    history = revisionCase === StreamRevisionCase.END ? [] : stream.filter((e) => e.revision > after);
    selects = (event) => event.streamName === streamName;
  } else {
    const allOptions = options.getAll()!;
    const all = log.allEvents();
    const position = allOptions.hasPosition() ? positionOf(allOptions.getPosition()!) : undefined;
    if (allOptions.getAllOptionCase() === AllCase.END) history = [];
    else history = position ? all.filter((e) => comparePositions(e.position, position) > 0) : all;
    selects = filterOf(options);
  }

  call.write(confirmationMessage(randomUUID()));
  for (const event of history) if (selects(event)) call.write(eventMessage(event));
  call.write(caughtUpMessage());
  const unsubscribe = log.onAppended((events) => {
    for (const event of events) if (selects(event)) call.write(eventMessage(event));
  });
  call.on('cancelled', unsubscribe);
  call.on('close', unsubscribe);
  call.on('error', unsubscribe);
}

function filterOf(options: ReadOptions): Predicate {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression?.getPrefixList() ?? [];
  return (event) => {
    const subject = onStream ? event.streamName : event.type;
    return regex ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
  };
}
