import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import {
  EmployeeDirectoryQueries,
  type EmployeePage,
  type EmployeeView,
} from '../../../../../libs/read-models/src/employee-directory/employee-directory.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { errorBody } from '../../http/error-body.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { ListEmployeesQuery, NipParam } from './employee-directory.request.js';

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/employees')
export class EmployeeDirectoryController {
  private readonly queries: EmployeeDirectoryQueries;

  constructor(@Inject(INFRASTRUCTURE) infrastructure: Infrastructure) {
    this.queries = new EmployeeDirectoryQueries(infrastructure.readDb);
  }

  @Get()
  @Allow(Role.HR, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({ summary: 'List employees, by NIP, one page at a time (HR: own agency only)' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async list(@Query() query: ListEmployeesQuery, @CurrentPrincipal() principal: Principal): Promise<EmployeePage> {
    const agencyId = agencyScope(principal) ?? query.agencyId;
    if (query.agencyId && agencyId !== query.agencyId) throw otherAgency(principal);
    return this.queries.list({ agencyId, unitId: query.unitId, after: query.after, limit: query.limit ?? 50 });
  }

  @Get(':nip')
  @Allow(Role.HR, Role.ADMIN, Role.AUDITOR, Role.EMPLOYEE)
  @ApiOperation({ summary: "One employee's record (employees: their own only; HR: own agency)" })
  @ApiOkResponse({ description: 'the employee', headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiNotFoundResponse({ description: 'no such employee (yet: the read model follows the events within moments)' })
  async get(
    @Param() params: NipParam,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmployeeView> {
    const privileged = principal.roles.some((r) => r === Role.HR || r === Role.ADMIN || r === Role.AUDITOR);
    if (!privileged && principal.nip !== params.nip) {
      throw new ForbiddenException(errorBody(403, 'FORBIDDEN', 'employees may read only their own record'));
    }
    const employee = await this.queries.findByNip(params.nip);
    if (!employee) throw new NotFoundException(errorBody(404, 'EMPLOYEE_NOT_FOUND', `no employee ${params.nip}`));
    const scope = agencyScope(principal);
    if (scope && employee.agencyId !== scope && principal.nip !== params.nip) throw otherAgency(principal);
    void reply.header('ETag', etagFor(BigInt(employee.revision)));
    return employee;
  }
}

/** HR (without ADMIN/AUDITOR) sees only its own agency; undefined means no restriction. */
function agencyScope(principal: Principal): string | undefined {
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.AUDITOR)) return undefined;
  if (principal.roles.includes(Role.HR)) return principal.agencyId ?? '\u0000none';
  return undefined;
}

function otherAgency(principal: Principal): ForbiddenException {
  return new ForbiddenException(
    errorBody(403, 'FORBIDDEN', `HR may read employees of their own agency only (${principal.agencyId ?? 'none'})`),
  );
}
