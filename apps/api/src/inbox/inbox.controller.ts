import {
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Kysely } from 'kysely';
import { ROLES, type Principal } from '../../../../libs/auth/src/index.js';
import { listInbox, markInboxItemRead, type InboxPage } from '../../../../libs/read-models/src/inbox/inbox.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { errorBody } from '../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { InboxItemParam, InboxQuery } from './inbox.request.js';

/**
 * Each person's inbox (README "Keberatan", the inbox): what they are told about and what awaits them, by the NIP
 * in their token; nobody reads or marks another's. Read/unread is the reader's UI state, not an audited fact.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/me/inbox')
export class InboxController {
  private readonly db: Kysely<unknown>;

  constructor(
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.db = infrastructure.readDb;
  }

  @Get()
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "The caller's inbox, newest first, keyset-paginated: plan returned, rating approved/returned, objection " +
      'filed/assigned/decided/withdrawn, statement requested/given; `due` (pending, dueSoon, overdue) by the ' +
      "server's clock. Any account with a NIP; its own items only",
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiForbiddenResponse({ description: 'an account without a NIP' })
  async list(@Query() query: InboxQuery, @CurrentPrincipal() principal: Principal): Promise<InboxPage> {
    return listInbox(
      this.db,
      { recipientNip: nipOf(principal), unread: query.unread, after: query.after, limit: query.limit ?? 50 },
      this.clock.now(),
    );
  }

  @Post(':itemId/read')
  @HttpCode(200)
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "Marks one of the caller's items read (idempotent: again answers the first read time). UI state kept in " +
      'the read model, not an event',
  })
  @ApiOkResponse({ description: '{ id, read: true, readAt }' })
  @ApiForbiddenResponse({ description: 'an account without a NIP' })
  @ApiNotFoundResponse({ description: "INBOX_ITEM_NOT_FOUND: no such item, or someone else's" })
  async read(
    @Param() { itemId }: InboxItemParam,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; read: true; readAt: string }> {
    const marked = await markInboxItemRead(this.db, nipOf(principal), itemId, this.clock.now());
    if (!marked) {
      throw new NotFoundException(errorBody(404, 'INBOX_ITEM_NOT_FOUND', `no inbox item ${itemId} of yours`));
    }
    return { id: itemId, read: true, readAt: marked.readAt };
  }
}

function nipOf(principal: Principal): string {
  if (principal.nip === undefined) {
    throw new ForbiddenException(errorBody(403, 'FORBIDDEN', 'the inbox is per person: this account has no NIP'));
  }
  return principal.nip;
}
