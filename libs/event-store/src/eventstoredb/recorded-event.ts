import type { AllStreamRecordedEvent, RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, Position, RecordedEvent } from '../port.js';

type ClientEvent = ClientRecordedEvent | AllStreamRecordedEvent;

/** EventStoreDB's own events ($settings, $metadata, link events `$>`, stats...) are not ours. */
export function isSystemEvent(event: { type: string }): boolean {
  return event.type.startsWith('$');
}

export function toRecordedEvent(event: ClientEvent): RecordedEvent {
  if (!event.isJson) throw new Error(`event ${event.id} in ${event.streamId} is not JSON: not written by this system`);
  // Stream reads from servers older than 22.x carry no position; $all reads always do.
  if (!event.position) throw new Error(`EventStoreDB returned event ${event.id} without a position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as EventMetadata,
    streamName: event.streamId,
    revision: event.revision,
    position: { commit: event.position.commit, prepare: event.position.prepare },
    createdAt: event.created,
  };
}

export function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}
