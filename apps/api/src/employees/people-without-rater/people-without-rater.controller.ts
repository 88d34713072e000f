// Who in an agency nobody can rate or approve for, outside any cycle (README "Organization, people and reporting
// lines", people at the top of the line): HR fixes them with a rater override before opening a cycle.
import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import {
  ReportingLinesQueries,
  type PeopleWithoutRaterPage,
} from '../../../../../libs/read-models/src/organization/reporting-lines.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { errorBody } from '../../http/error-body.js';
import { forbidden } from '../../auth/auth-errors.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { AgencyParam, PeopleWithoutRaterQuery, PeopleWithoutRaterResponse } from './people-without-rater.request.js';

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/agencies/:id/people-without-rater')
export class PeopleWithoutRaterController {
  private readonly lines: ReportingLinesQueries;

  constructor(
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
    private readonly organization: OrganizationFacts,
  ) {
    this.lines = new ReportingLinesQueries(infrastructure.readDb);
  }

  @Get()
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      "The agency's people without a pejabat penilai (missing=RATER) or an atasan pejabat penilai " +
      '(missing=RATER_SUPERVISOR), or either, from the reporting lines (outside any cycle), keyset-paginated by ' +
      'NIP: whom a cycle could not rate or approve. Fix: PUT /employees/{nip}/rater-override. HR of the agency, ' +
      'AUDITOR.',
  })
  @ApiOkResponse({ type: PeopleWithoutRaterResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: missing not RATER/RATER_SUPERVISOR, after, limit' })
  @ApiForbiddenResponse({ description: 'HR of another agency; not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND' })
  async list(
    @Param() { id }: AgencyParam,
    @Query() query: PeopleWithoutRaterQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PeopleWithoutRaterPage> {
    if (!principal.roles.includes(Role.AUDITOR) && principal.agencyId !== id) {
      throw forbidden(`HR reads its own agency's reporting lines only (${principal.agencyId ?? 'none'})`);
    }
    if ((await this.organization.agency(id)).status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'AGENCY_NOT_FOUND', `no agency ${id}`));
    }
    return this.lines.peopleWithoutRater({
      agencyId: id,
      missing: query.missing,
      after: query.after,
      limit: query.limit ?? 50,
    });
  }
}
