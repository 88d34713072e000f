import { Module } from '@nestjs/common';
import { HrQueriesController } from './hr-queries.controller.js';

/** HR's work lists of a cycle and their CSV exports (issue 12; README "HR queries"). */
@Module({ controllers: [HrQueriesController] })
export class HrQueriesModule {}
