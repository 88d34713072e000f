import { Readable } from 'node:stream';
import { Controller, ForbiddenException, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import {
  allObjections,
  listObjections,
  type ObjectionQueueFilter,
  type ObjectionQueuePage,
} from '../../../../libs/read-models/src/objections/objections.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { errorBody } from '../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { objectionsCsv } from './objections-csv.js';
import { ObjectionQueueFilterQuery, ObjectionQueueQuery } from './objections-queue.request.js';

const ACCESS =
  "HR of an agency its own agency's objections (the default agencyId; another's is 403), AUDITOR any agency's " +
  '(all without agencyId). Nobody else: not the employee, the rater or ADMIN (they read one objection on the ' +
  'appraisal instead, as the README "Keberatan" describes).';

/**
 * HR's keberatan queue (README "Keberatan"): state, people, deadlines, statements' dates and outcomes of every
 * objection, never its reasons or statement texts; overdue by the server's clock. JSON pages and a CSV export.
 */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('api/v1')
export class ObjectionsQueueController {
  private readonly db: Kysely<unknown>;

  constructor(
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.db = infrastructure.readDb;
  }

  @Get('objections')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({ summary: `The keberatan queue, filtered, in filing order, keyset-paginated. ${ACCESS}` })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiForbiddenResponse({ description: "another agency's queue (HR), or not HR/AUDITOR" })
  async list(
    @Query() query: ObjectionQueueQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ObjectionQueuePage> {
    const { limit, after, ...filters } = query;
    return listObjections(this.db, { ...this.filter(filters, principal), after, limit: limit ?? 50 }, this.clock.now());
  }

  @Get('objections.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'The keberatan queue as CSV (RFC 4180, UTF-8 with BOM, CRLF, a header row), every row of the filters, ' +
      `streamed. ${ACCESS}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: "another agency's queue (HR), or not HR/AUDITOR" })
  async csv(
    @Query() query: ObjectionQueueFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const filter = this.filter(query, principal);
    const now = this.clock.now();
    const stamp = now.toISOString().slice(0, 10);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="keberatan-${filter.agencyId ?? 'semua'}-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(objectionsCsv(allObjections(this.db, filter, now))));
  }

  /** The filters, with HR held to its own agency. */
  private filter(query: ObjectionQueueFilterQuery, principal: Principal): Omit<ObjectionQueueFilter, 'limit'> {
    const { agencyId: asked, ...rest } = query;
    if (principal.roles.includes(Role.AUDITOR)) return { ...rest, agencyId: asked };
    const own = principal.agencyId;
    if (own === undefined || (asked !== undefined && asked !== own)) {
      throw new ForbiddenException(
        errorBody(403, 'FORBIDDEN', `HR reads its own agency's objections only (${own ?? 'none'})`),
      );
    }
    return { ...rest, agencyId: own };
  }
}
