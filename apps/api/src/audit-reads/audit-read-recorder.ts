// Every AUDITOR read of personal data leaves an event (README "Auditor's replay", read recording): one per read,
// appended through the hash-chained store to the day's stream `audit-reads-{yyyy-mm-dd}` (UTC day), so it is
// chained, sealed and verified like every other event, and the auditor, who writes nothing, cannot erase it.
// The read is recorded before the data is answered: a read that could not be recorded is not served.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { WrongExpectedVersionError } from '../../../../libs/event-store/src/errors.js';
import { correlationIdFrom } from '../http/correlation.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';

/** Rounds of the store's own retries (each up to 6 attempts) before a read is refused. */
const APPEND_ROUNDS = 5;

export const AUDIT_READ_EVENT = 'AuditorRead.v1';

export const auditReadsStreamName = (day: string): string => `audit-reads-${day}`;

/**
 * What was read: the route template and the resource (the cycle, and the appraisal's NIP when one was read;
 * both null for a whole-store verification report).
 */
export interface AuditedRead {
  route: string;
  cycleId: string | null;
  nip: string | null;
}

export interface AuditReadData {
  route: string;
  cycleId: string | null;
  nip: string | null;
  readAt: string;
  [key: string]: unknown;
}

@Injectable()
export class AuditReadRecorder {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records the read when it is done as AUDITOR; other readers (HR of the agency) are not recorded here. */
  async recordIfAuditor(
    principal: Principal,
    actingAsAuditor: boolean,
    read: AuditedRead,
    correlationHeader: string | string[] | undefined,
  ): Promise<void> {
    if (!actingAsAuditor || !principal.roles.includes(Role.AUDITOR)) return;
    const readAt = this.clock.now().toISOString();
    const correlationId = correlationIdFrom(correlationHeader);
    const data: AuditReadData = { route: read.route, cycleId: read.cycleId, nip: read.nip, readAt };
    const event = {
      id: randomUUID(),
      type: AUDIT_READ_EVENT,
      data,
      metadata: {
        actor: { id: principal.id, role: Role.AUDITOR },
        correlationId,
        causationId: correlationId,
        occurredAt: readAt,
      },
    };
    // 'any': reads of one day from several auditors go to one stream; the hash-chained store re-reads the tip
    // on a race (so the chain never forks), and a burst of parallel reads gets more rounds of that here.
    for (let round = 1; ; round++) {
      try {
        await this.infrastructure.eventStore.appendToStream(auditReadsStreamName(readAt.slice(0, 10)), [event], {
          expected: 'any',
        });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || round >= APPEND_ROUNDS) throw error;
      }
    }
  }
}
