// POST a CSV file of units or employees for one agency; the answer is the row-by-row report.
// 200 whenever the file could be read, even if some rows failed (the report says which, by line and column):
// the valid rows ARE imported, so the request did succeed, partly. 400 only when nothing could be imported
// (not UTF-8, no header, a required column missing).
import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { CsvFileError } from '../../../../libs/organization-import/src/csv/csv-table.js';
import type { ImportKind, ImportReport } from '../../../../libs/organization-import/src/report.js';
import { Allow, CurrentPrincipal, actorFrom } from '../auth/index.js';
import { correlationIdFrom } from '../http/correlation.js';
import { errorBody } from '../http/error-body.js';
import { CLOCK, type Clock } from '../tokens.js';
import { CSV_CONTENT_TYPE } from './csv-body-parser.js';
import { ImportCsvCommand } from './import-csv.handler.js';
import { AgencyIdParam, EMPLOYEES_EXAMPLE, ImportReportView, UNITS_EXAMPLE } from './import.dto.js';

const ROLES = [Role.HR, Role.ADMIN] as const;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/agencies/:agencyId/imports')
export class ImportsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('units')
  @HttpCode(200)
  @Allow(...ROLES)
  @ApiOperation({
    summary: 'Import units from CSV (ID_UNIT, NAMA_UNIT, ID_INDUK): created parents first, renamed or moved',
  })
  @ApiConsumes(CSV_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', example: UNITS_EXAMPLE } })
  @ApiOkResponse({ type: ImportReportView, description: 'the report; failed rows are listed in errors' })
  @ApiBadRequestResponse({ description: 'INVALID_CSV: the file cannot be read (details name line and column)' })
  @ApiForbiddenResponse({ description: 'not HR/ADMIN, or HR of another agency' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND' })
  @ApiPayloadTooLargeResponse({ description: 'bodies over 20 MiB' })
  units(
    @Param() params: AgencyIdParam,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ImportReport> {
    return this.run('units', params.agencyId, body, principal, correlation);
  }

  @Post('employees')
  @HttpCode(200)
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      'Import employees from CSV (NIP, NAMA, JENIS_PEGAWAI, JABATAN, JENIS_JABATAN, GOLONGAN, ID_UNIT, KEPALA_UNIT)',
  })
  @ApiConsumes(CSV_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', example: EMPLOYEES_EXAMPLE } })
  @ApiOkResponse({ type: ImportReportView, description: 'the report; failed rows are listed in errors' })
  @ApiBadRequestResponse({ description: 'INVALID_CSV: the file cannot be read (details name line and column)' })
  @ApiForbiddenResponse({ description: 'not HR/ADMIN, or HR of another agency' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND' })
  @ApiPayloadTooLargeResponse({ description: 'bodies over 20 MiB' })
  employees(
    @Param() params: AgencyIdParam,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ImportReport> {
    return this.run('employees', params.agencyId, body, principal, correlation);
  }

  private async run(
    kind: ImportKind,
    agencyId: string,
    body: unknown,
    principal: Principal,
    correlation: string | undefined,
  ): Promise<ImportReport> {
    if (!principal.roles.includes(Role.ADMIN) && principal.agencyId !== agencyId) {
      throw new ForbiddenException(
        errorBody(403, 'FORBIDDEN', `HR may import only into their own agency (${principal.agencyId ?? 'none'})`),
      );
    }
    if (!Buffer.isBuffer(body)) {
      throw new UnsupportedMediaTypeException(
        errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', `send the file as ${CSV_CONTENT_TYPE} (UTF-8)`),
      );
    }
    try {
      return await this.commandBus.execute(
        new ImportCsvCommand(
          kind,
          agencyId,
          body,
          actorFrom(principal, ROLES),
          correlationIdFrom(correlation),
          this.clock.now(),
        ),
      );
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      throw new BadRequestException(
        errorBody(
          400,
          'INVALID_CSV',
          `the file cannot be imported, nothing was written: ${error.message}`,
          error.errors.map((e) => ({ field: e.column ?? undefined, line: e.line, message: e.reason })),
        ),
      );
    }
  }
}
