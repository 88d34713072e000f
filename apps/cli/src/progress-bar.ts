// A progress bar on stderr: on a terminal it redraws one line (percent, count, rate, ETA); elsewhere
// (CI logs, pipes) it prints a plain line every few seconds instead of flooding the log.

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressLine {
  label: string;
  done: number;
  total: number;
  /** Units per second; null while unknown. */
  rate: number | null;
  /** Bar width in characters. */
  width?: number;
}

/** e.g. `ledger [########------------]  40.0%  400/1,000  120/s  ETA 0:05` */
export function formatProgressLine(line: ProgressLine): string {
  const width = line.width ?? 24;
  const total = Math.max(line.total, line.done);
  const fraction = total === 0 ? 1 : line.done / total;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const percent = `${(fraction * 100).toFixed(1)}%`.padStart(6);
  const rate = line.rate === null ? '--/s' : `${count(Math.round(line.rate))}/s`;
  const remaining = total - line.done;
  const eta =
    remaining === 0 ? 'ETA 0:00' : line.rate && line.rate > 0 ? `ETA ${duration(remaining / line.rate)}` : 'ETA --:--';
  return `${line.label} ${bar} ${percent}  ${count(line.done)}/${count(total)}  ${rate}  ${eta}`;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const count = (n: number) => n.toLocaleString('en-US');

export interface ProgressBarOptions {
  label: string;
  output?: ProgressOutput;
  /** Overrides output.isTTY. */
  tty?: boolean;
  now?: () => number;
  /** Without a terminal: one line per this many ms (default 5000). */
  lineIntervalMs?: number;
  /** On a terminal: at most one redraw per this many ms (default 100). */
  redrawMs?: number;
}

const RATE_WINDOW_MS = 10_000;

export class ProgressBar {
  private readonly output: ProgressOutput;
  private readonly tty: boolean;
  private readonly now: () => number;
  private label: string;
  private samples: Array<{ at: number; done: number }> = [];
  private lastWrite: number | undefined;
  private done = 0;
  private total = 0;

  constructor(private readonly options: ProgressBarOptions) {
    this.output = options.output ?? process.stderr;
    this.tty = options.tty ?? this.output.isTTY === true;
    this.now = options.now ?? Date.now;
    this.label = options.label;
  }

  /** `label` replaces the bar's label (e.g. to show the phase). */
  update(done: number, total: number, label?: string): void {
    const at = this.now();
    this.done = done;
    this.total = total;
    if (label !== undefined) this.label = label;
    this.samples.push({ at, done });
    while (this.samples.length > 2 && at - this.samples[0].at > RATE_WINDOW_MS) this.samples.shift();
    const interval = this.tty ? (this.options.redrawMs ?? 100) : (this.options.lineIntervalMs ?? 5000);
    if (this.lastWrite === undefined || at - this.lastWrite >= interval) this.write(at);
  }

  /** Draws the final state and ends the line; `message` follows on a line of its own. */
  finish(message?: string): void {
    this.write(this.now());
    if (this.tty) this.output.write('\n');
    if (message) this.output.write(`${message}\n`);
  }

  /** Units per second over the last ten seconds; null until there are two samples apart in time. */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || last.at <= first.at) return null;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }

  private write(at: number): void {
    this.lastWrite = at;
    const columns = this.output.columns ?? 100;
    const line = formatProgressLine({
      label: this.label,
      done: this.done,
      total: this.total,
      rate: this.rate(),
      width: Math.max(10, Math.min(30, columns - 70)),
    });
    // \r back to the line start, \x1b[K clears what a longer previous line left behind.
    this.output.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
}
