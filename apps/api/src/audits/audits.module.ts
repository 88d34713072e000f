import { Module } from '@nestjs/common';
import { AuditsController } from './audits.controller.js';

/** Subjectivity audits per cycle, under /api/v1/cycles/{cycleId}/audits (issue 12). */
@Module({ controllers: [AuditsController] })
export class AuditsModule {}
