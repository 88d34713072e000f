// The position of the last event a request appended, collected from the event store's appends (whatever route
// or handler made them, fan-outs included) so the reply can carry it as X-Position.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Position } from '../../../../libs/event-store/src/port.js';
import { laterPosition } from './position-header.js';

export interface WrittenPosition {
  position?: Position;
}

const scopes = new AsyncLocalStorage<WrittenPosition>();

export function runRecordingWrites<T>(scope: WrittenPosition, work: () => T): T {
  return scopes.run(scope, work);
}

/** Called for every successful append; outside a request (projector, seeding) it does nothing. */
export function noteWrittenPosition(position: Position): void {
  const scope = scopes.getStore();
  if (scope) scope.position = laterPosition(scope.position, position);
}
