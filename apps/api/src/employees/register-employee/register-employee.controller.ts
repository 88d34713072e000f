import { BadRequestException, Body, Controller, ForbiddenException, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { Allow, CurrentPrincipal, actorFrom } from '../../auth/index.js';
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { correlationIdFrom } from '../../http/correlation.js';
import { errorBody } from '../../http/error-body.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { RegisterEmployeeCommand } from './register-employee.handler.js';
import { RegisterEmployeeRequest, RegisterEmployeeResponse } from './register-employee.request.js';

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/employees')
export class RegisterEmployeeController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow(Role.HR, Role.ADMIN)
  @ApiOperation({ summary: 'Register an employee (HR of the agency, or ADMIN)' })
  @ApiCreatedResponse({ type: RegisterEmployeeResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiBadRequestResponse({
    description:
      'missing, unknown or mistyped fields (agencyId is required of ADMIN: HR defaults to its own agency); a NIP ' +
      'that is not a real one',
  })
  @ApiForbiddenResponse({ description: 'not HR/ADMIN, or HR of another agency' })
  @ApiConflictResponse({ description: 'EMPLOYEE_ALREADY_REGISTERED' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND, UNIT_NOT_FOUND' })
  async register(
    @Body() body: RegisterEmployeeRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisterEmployeeResponse> {
    const agencyId = agencyOf(body, principal);
    if (!principal.roles.includes(Role.ADMIN) && principal.agencyId !== agencyId) {
      throw new ForbiddenException(
        errorBody(
          403,
          'FORBIDDEN',
          `HR may register employees only in their own agency (${principal.agencyId ?? 'none'})`,
        ),
      );
    }
    const result: ExecuteResult<unknown> = await this.commandBus.execute(
      new RegisterEmployeeCommand(
        { ...body, agencyId },
        actorFrom(principal, [Role.HR, Role.ADMIN]),
        correlationIdFrom(correlationHeader),
        this.clock.now(),
      ),
    );
    void reply.status(201).header('ETag', etagFor(result.revision)).header('Location', `/api/v1/employees/${body.nip}`);
    return { nip: body.nip, revision: String(result.revision) };
  }
}

/** The agency named in the body, else an HR token's own; ADMIN (who belongs to none) must name it. */
function agencyOf(body: RegisterEmployeeRequest, principal: Principal): string {
  const agencyId = body.agencyId ?? (principal.roles.includes(Role.ADMIN) ? undefined : principal.agencyId);
  if (agencyId === undefined) {
    throw new BadRequestException(
      errorBody(400, 'VALIDATION_FAILED', 'invalid request: agencyId is required', [
        { field: 'agencyId', message: 'agencyId is required' },
      ]),
    );
  }
  return agencyId;
}
