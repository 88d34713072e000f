import { ErrorType, isCommandError, type CommandError } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors.js';

function commandError(error: unknown): CommandError | undefined {
  return error instanceof Error && isCommandError(error) ? error : undefined;
}

export function isStreamNotFound(error: unknown): boolean {
  return commandError(error)?.type === ErrorType.STREAM_NOT_FOUND;
}

/** The client's wrong-expected-version error, if `error` is one. */
export function asWrongExpectedVersion(error: unknown): { actualVersion: bigint | 'no_stream' } | undefined {
  const command = commandError(error);
  return command?.type === ErrorType.WRONG_EXPECTED_VERSION ? command : undefined;
}

const UNREACHABLE: readonly string[] = [ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER];

/** Connection-level failures become EventStoreUnavailableError (the cause is kept); others pass through. */
export function translateClientError(error: unknown): unknown {
  const command = commandError(error);
  if (command && UNREACHABLE.includes(command.type)) {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${command.message}`, { cause: error });
  }
  return error;
}
