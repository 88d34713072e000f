import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BUILT_IN_CATALOGUE, type BuiltInCatalogue } from '../../../../libs/competency/src/built-in/catalogue.js';
import { Allow } from '../auth/index.js';
import { EVERY_ROLE } from './framework-access.js';

/** The criteria every framework includes, open to every signed-in user (criteria must be accessible to all). */
@ApiTags('competency frameworks')
@ApiBearerAuth()
@Controller('api/v1/competencies')
export class BuiltInCatalogueController {
  @Get('built-in')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary: 'Built-in criteria: BerAKHLAK (7 values x 3 indicators), 8 managerial + 1 socio-cultural (levels 1-5)',
    description: 'Level descriptors are short summaries of PermenPANRB 38/2017, not the full regulation text.',
  })
  @ApiOkResponse({ description: '{ berakhlak, managerial, socioCultural }' })
  catalogue(): BuiltInCatalogue {
    return BUILT_IN_CATALOGUE;
  }
}
