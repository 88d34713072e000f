// What the cycle routes answer about a cycle: its stream's state without the pinned policy document (read it at
// GET /api/v1/policies/{scope}/versions/{version}) nor who was determined with which predikat, and the stream
// revision, which is also the ETag.
import { PreconditionFailedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { UnitPredikat } from '../../../../libs/policy/src/policy.js';
import type { PhaseChange } from '../../../../libs/read-models/src/appraisals/cycles.tables.js';
import { etagFor } from '../event-sourcing/etag.js';
import { errorBody } from '../http/error-body.js';

export type CycleView = Omit<OpenedCycle, 'status' | 'policy' | 'populations'> & {
  /** Per population: its unit predikat and whether its distribution is determined (counts: GET …/distribution). */
  populations: Record<string, { unitPredikat: UnitPredikat | null; determined: boolean }>;
  /** Every phase change, oldest first, with its actor (as in the list's items). */
  phaseHistory: PhaseChange[];
  revision: string;
};

export function cycleView(cycle: OpenedCycle, revision: bigint, phaseHistory: PhaseChange[]): CycleView {
  const { status: _status, policy: _policy, populations, ...rest } = cycle;
  return {
    ...rest,
    populations: Object.fromEntries(
      Object.entries(populations).map(([id, p]) => [
        id,
        { unitPredikat: p.unitPredikat, determined: p.determination !== null },
      ]),
    ),
    phaseHistory,
    revision: String(revision),
  };
}

/** Sets the cycle stream's revision as the reply's ETag. */
export function withCycleEtag(reply: FastifyReply, revision: bigint): void {
  void reply.header('ETag', etagFor(revision));
}

/**
 * For routes that write appraisal streams only (reconcile, publication retry): the client's If-Match must still
 * be the cycle's current revision, as on every command route (412 otherwise, same shape as the executor's).
 */
export function assertIfMatch(cycleId: string, ifMatch: bigint | undefined, revision: bigint): void {
  if (ifMatch === undefined || ifMatch === revision) return;
  throw new PreconditionFailedException(
    errorBody(412, 'STALE_REVISION', `If-Match revision ${ifMatch} is not the current revision of cycle-${cycleId}`, [
      {
        field: 'If-Match',
        message: `current revision is ${revision}`,
        expected: String(ifMatch),
        actual: String(revision),
      },
    ]),
  );
}
