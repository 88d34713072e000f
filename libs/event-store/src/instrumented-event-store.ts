// Times every append and reports it to an observer (the API turns the samples into Prometheus histograms and
// remembers the request's written position for read-your-writes). No dependency on any metrics library.
import { ForwardingEventStore } from './forwarding-event-store.js';
import { WrongExpectedVersionError } from './errors.js';
import type { AppendOptions, AppendResult, EventStore, NewEvent, Position } from './port.js';

export type AppendOutcome = 'ok' | 'conflict' | 'error';

export interface AppendSample {
  seconds: number;
  /** Events in this appendToStream call. */
  events: number;
  outcome: AppendOutcome;
  /** Global position of the last event written, when the append succeeded. */
  position?: Position;
}

export interface AppendObserver {
  appendCompleted(sample: AppendSample): void;
}

export class InstrumentedEventStore extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly observer: AppendObserver,
  ) {
    super(inner);
  }

  async appendToStream(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.inner.appendToStream(stream, events, options);
      this.report({ seconds: seconds(), events: events.length, outcome: 'ok', position: result.position });
      return result;
    } catch (error) {
      const outcome = error instanceof WrongExpectedVersionError ? 'conflict' : 'error';
      this.report({ seconds: seconds(), events: events.length, outcome });
      throw error;
    }
  }

  /** An observer that throws must not turn a written append into a failed command. */
  private report(sample: AppendSample): void {
    try {
      this.observer.appendCompleted(sample);
    } catch {
      // metrics are best effort
    }
  }
}
