// What the command path found about hash chains since this process started: which streams were refused for a
// broken chain (README "Tamper evidence"). /health/ready reports not-ready while any is known; a restart (after
// someone has looked with `npm run cli -- verify`) clears it, because the refusal itself stays in place: the
// next command on that stream finds the broken chain again.
import { Logger } from '@nestjs/common';
import type { BrokenChainError } from '../../../../libs/audit/src/chain-guard.js';

export class EventChainMonitor {
  private readonly broken = new Set<string>();
  private readonly logger = new Logger('EventChain');

  constructor(private readonly countBroken: (category: string) => void = () => undefined) {}

  /** Counts and logs a refusal. The log names the stream's category only: appraisal stream names carry a NIP. */
  report(error: BrokenChainError): void {
    const category = streamCategory(error.stream);
    this.broken.add(error.stream);
    this.countBroken(category);
    const first = error.problems[0];
    this.logger.error(
      `EVENT_CHAIN_BROKEN: a stream of category ${category} fails its hash chain at revision ${first.revision} (${first.kind}); ` +
        'commands on it are refused: run `npm run cli -- verify --all`',
    );
  }

  /** Distinct streams refused since start-up. */
  brokenStreams(): number {
    return this.broken.size;
  }
}

/** `appraisal-<cycle>-<nip>` → `appraisal`: the part before the first dash, never an identifier. */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  const category = dash > 0 ? stream.slice(0, dash) : stream;
  return /^[a-z][a-z_]{0,39}$/.test(category) ? category : 'other';
}
