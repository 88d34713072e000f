// TEST STAND-IN ONLY: protobuf message classes and conversions for the in-memory EventStoreDB stand-in.
// The stubs come from @eventstore/db-client's own generated/ folder, so the classes are the very ones
// the client serialises with (same package, same google-protobuf registrations).
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { LogPosition, StoredEvent } from './in-memory-log.js';

export const { Empty, StreamIdentifier, UUID } = sharedPb;
export const { AppendReq, AppendResp, ReadReq, ReadResp } = streamsPb;

export type ReadRequest = InstanceType<typeof ReadReq>;
export type ReadResponse = InstanceType<typeof ReadResp>;
export type AppendRequest = InstanceType<typeof AppendReq>;
export type AppendResponse = InstanceType<typeof AppendResp>;

export function streamNameOf(identifier: InstanceType<typeof StreamIdentifier> | undefined): string {
  if (!identifier) throw new Error('missing stream identifier');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function uuidText(uuid: InstanceType<typeof UUID> | undefined): string {
  // The client always sends the string form (it asks for the string form when reading, too).
  if (!uuid?.hasString()) throw new Error('only string UUIDs are supported by the stand-in');
  return uuid.getString();
}

export function eventMessage(event: StoredEvent): ReadResponse {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(event.id));
  recorded.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamName, 'utf8')));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.commit.toString());
  recorded.setPreparePosition(event.position.prepare.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.createdTicks.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.metadata);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.commit.toString());
  return new ReadResp().setEvent(readEvent);
}

export function confirmationMessage(subscriptionId: string): ReadResponse {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

export function caughtUpMessage(): ReadResponse {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function streamNotFoundMessage(streamName: string): ReadResponse {
  const identifier = new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier));
}

export function positionOf(position: InstanceType<typeof ReadReq.Options.Position>): LogPosition {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}
