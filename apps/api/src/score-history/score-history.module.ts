import { Module } from '@nestjs/common';
import { AppraisalFacts } from '../appraisals/appraisal-facts.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { ScoreHistoryController } from './score-history.controller.js';

/** Score histories and an employee's trend across cycles (issue 12; README "Score histories"). */
@Module({ imports: [OrganizationModule], controllers: [ScoreHistoryController], providers: [AppraisalFacts] })
export class ScoreHistoryModule {}
