import type { NewEvent } from '../../../../libs/event-store/src/port.js';

/** Revision of the stream's last event before this append: -1n when the stream is new (0-based revisions). */
export type LastRevision = bigint;

/** What the bench drives: append a batch to one stream whose current last revision the writer knows. */
export interface BenchAppender {
  append(stream: string, events: NewEvent[], lastRevision: LastRevision): Promise<void>;
  close(): Promise<void>;
}

export interface Contender {
  /** Short key used on the command line and in the table. */
  name: string;
  label: string;
  /** Creates the schema in an empty database and returns an appender using at most `poolSize` connections. */
  open(databaseUrl: string, poolSize: number): Promise<BenchAppender>;
}
