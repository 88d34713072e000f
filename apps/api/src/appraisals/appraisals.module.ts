import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { AppraisalCommandHandler } from './appraisal-command.handler.js';
import { AppraisalCommandRunner } from './appraisal-command-runner.js';
import { AppraisalFacts } from './appraisal-facts.js';
import { AppraisalIntegrityController } from './integrity/appraisal-integrity.controller.js';
import { AssessmentController } from './assessment/assessment.controller.js';
import { ObjectionController } from './objection/objection.controller.js';
import { PeriodController } from './period/period.controller.js';
import { CascadeSourcesController } from './plan/cascade-sources.controller.js';
import { PlanController } from './plan/plan.controller.js';
import { AppraisalViewController } from './view/appraisal-view.controller.js';

/** One employee's appraisal in a cycle, under /api/v1/cycles/{cycleId}/appraisals/{nip} (issue 4). */
@Module({
  imports: [OrganizationModule, AuditModule],
  controllers: [
    AppraisalViewController,
    PlanController,
    CascadeSourcesController,
    PeriodController,
    AssessmentController,
    ObjectionController,
    AppraisalIntegrityController,
  ],
  providers: [AppraisalFacts, AppraisalCommandHandler, AppraisalCommandRunner],
})
export class AppraisalsModule {}
