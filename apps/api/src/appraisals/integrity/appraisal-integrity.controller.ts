// One appraisal's integrity (README "Verifying the record"): the verifier's report on its stream, and the
// evidence pack that lets anyone check it offline with `node tools/verify-evidence-pack.mjs`. Who may read:
// as the event log (AUDITOR; HR of the agency); an AUDITOR's read is recorded before it is answered.
import { Controller, Get, Headers, HttpException, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { eventForViewer } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-event-log.js';
import { appraisalStreamName } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { sealCovering, type EvidencePack } from '../../../../../libs/audit/src/evidence-pack/evidence-pack.js';
import { parseSeal, SEAL_STREAM, type Seal } from '../../../../../libs/audit/src/seal/seal.js';
import { loadEvidencePack } from '../../../../../libs/audit/src/evidence-pack/load-evidence-pack.js';
import type { VerificationReport } from '../../../../../libs/audit/src/verify/findings.js';
import { verifyStore } from '../../../../../libs/audit/src/verify/verify-store.js';
import type { RecordedEvent } from '../../../../../libs/event-store/src/port.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { AuditReadRecorder } from '../../audit-reads/audit-read-recorder.js';
import { SealKeys } from '../../audit/seal-keys.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { assertOverseesCycle, has } from '../../cycles/cycle-access.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../../tokens.js';
import { authorize, rolesFor } from '../appraisal-access.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams } from '../appraisal.params.js';
import { loggedEvent } from '../view/logged-event.js';

const INTEGRITY_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/integrity';
const PACK_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/evidence-pack';

const WITHHELD_FOR_HR =
  'withheld from HR of the agency (peer input is anonymous; objection statements belong to the hearing)';

@ApiTags('appraisals: reading')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'not AUDITOR, nor HR of the agency' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class AppraisalIntegrityController {
  constructor(
    private readonly facts: AppraisalFacts,
    private readonly reads: AuditReadRecorder,
    private readonly keys: SealKeys,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  @Get('integrity')
  @Allow(...rolesFor('readEvents'))
  @ApiOperation({
    summary:
      "Verifies the appraisal's stream now: every hash recomputed, revisions and links, the seals that cover it " +
      '(signature, seal chain, Merkle root over their whole range); names each altered, removed, reordered or ' +
      'inserted event, which seal covers which events, and the unsealed tail. AUDITOR; HR of the agency.',
  })
  @ApiOkResponse({
    description:
      '{ ok, scope, summary: { eventsChecked, seals, signaturesChecked, sealedUpTo, lastSeal, unsealedEvents }, ' +
      'findings: [{ kind, stream, revision, eventId, position, sealIndex, detail }], unsealedTail, sealedBy }',
  })
  async integrity(
    @Param() params: AppraisalParams,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<VerificationReport & { sealedBy: Array<{ sealIndex: number; revisions: string[] }> }> {
    const { relation, stream } = await this.authorized(params, principal);
    await this.reads.recordIfAuditor(principal, relation === 'AUDITOR', read(INTEGRITY_ROUTE, params), correlation);
    const store = this.infrastructure.rawEventStore;
    const report = await verifyStore({
      store,
      scope: { kind: 'stream', stream },
      publicKeys: await this.keys.publicKeys(),
    });
    // Which seal's range holds which events (the report names seals only where a range fails).
    const seals = (await store.readStream(SEAL_STREAM))
      .map((e) => parseSeal(e.data))
      .filter((s): s is Seal => typeof s !== 'string');
    const sealedBy = new Map<number, string[]>();
    for (const event of await store.readStream(stream)) {
      const seal = sealCovering(seals, event.position);
      if (seal) sealedBy.set(seal.sealIndex, [...(sealedBy.get(seal.sealIndex) ?? []), String(event.revision)]);
    }
    return { ...report, sealedBy: [...sealedBy].map(([sealIndex, revisions]) => ({ sealIndex, revisions })) };
  }

  @Get('evidence-pack')
  @Allow(...rolesFor('readEvents'))
  @ApiOperation({
    summary:
      "The appraisal's evidence pack, one JSON file: its events exactly as hashed (id, hash, prevHash, revision, " +
      "data, metadata, $all position), the signed seals covering them, each event's RFC 6962 inclusion proof in " +
      "its seal's tree, the server's public key (PEM) and the format version. Check it offline with `node " +
      'tools/verify-evidence-pack.mjs pack.json --public-key KEY.pem`. AUDITOR; HR of the agency (peer input and ' +
      'objection statements withheld: their hashes are still checked by the chain and the proofs).',
  })
  @ApiOkResponse({ description: '{ format, version, createdAt, stream, events, seals, proofs, publicKey }' })
  async evidencePack(
    @Param() params: AppraisalParams,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EvidencePack> {
    const { relation, stream } = await this.authorized(params, principal);
    await this.reads.recordIfAuditor(principal, relation === 'AUDITOR', read(PACK_ROUTE, params), correlation);
    const pack = await loadEvidencePack({
      store: this.infrastructure.rawEventStore,
      stream,
      publicKey: await this.keys.published(),
      createdAt: this.clock.now().toISOString(),
      withhold: relation === 'HR' ? withheldForHr : undefined,
    });
    void reply.header(
      'Content-Disposition',
      `attachment; filename="evidence-pack-${params.cycleId}-${params.nip}.json"`,
    );
    return pack;
  }

  /**
   * AUDITOR or HR of the agency, by the appraisal's relation rule. A stream that was tampered with may no longer
   * fold into an appraisal (its first event removed, its data made unreadable): exactly when these routes matter,
   * so such a stream is authorized by the cycle instead (AUDITOR; HR of the cycle's agency), never answered 404.
   */
  private async authorized(params: AppraisalParams, principal: Principal) {
    const cycle = await this.facts.cycle(params.cycleId);
    const stream = appraisalStreamName(params.cycleId, params.nip);
    let state;
    try {
      state = (await this.facts.appraisal(params.cycleId, params.nip)).state;
    } catch (error) {
      const [first] = await this.infrastructure.rawEventStore.readStream(stream, { maxCount: 1 });
      if (first === undefined || (error instanceof HttpException && !(error instanceof NotFoundException))) throw error;
      assertOverseesCycle(principal, cycle);
      const asHr = has(principal, Role.HR) && principal.agencyId === cycle.agencyId;
      return { relation: asHr ? ('HR' as const) : ('AUDITOR' as const), stream };
    }
    const { relation } = authorize(principal, state, 'readEvents');
    return { relation, stream };
  }
}

const read = (route: string, params: AppraisalParams) => ({ route, cycleId: params.cycleId, nip: params.nip });

/** What HR may not see of an event, as in the event log (eventForViewer); undefined when it sees it whole. */
function withheldForHr(event: RecordedEvent) {
  const logged = loggedEvent(event);
  const shown = eventForViewer(logged, 'HR');
  if (shown === logged) return undefined;
  const metadata = shown.actor === null ? { ...event.metadata, actor: null } : { ...event.metadata };
  return { data: shown.data, metadata, reason: WITHHELD_FOR_HR };
}
