import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/index.js';
import { PROJECTION_STATUS } from '../tokens.js';

/** Whatever runs the projections (embedded runners, or a reader of the external projector's checkpoints). */
export interface MetricsSource {
  renderPrometheus(): Promise<string>;
}

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PROJECTION_STATUS) private readonly source: MetricsSource) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: projection lag in events and seconds behind the head' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  metrics(): Promise<string> {
    return this.source.renderPrometheus();
  }
}
