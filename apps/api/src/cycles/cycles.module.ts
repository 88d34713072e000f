import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module.js';
import { AppraisalFanOut } from './appraisal-fan-out.js';
import { CycleFacts } from './cycle-facts.js';
import { CycleReadModels } from './cycle-read-models.js';
import { CyclePhaseController } from './cycle-phase/cycle-phase.controller.js';
import { AdvanceCyclePhaseHandler, RetryPublicationHandler } from './cycle-phase/cycle-phase.handler.js';
import { ResultPublication } from './cycle-phase/result-publication.js';
import { CycleQueriesController } from './cycle-queries/cycle-queries.controller.js';
import { CycleLogController } from './cycle-log/cycle-log.controller.js';
import { DeterminationController } from './determination/determination.controller.js';
import { DetermineDistributionHandler, SetUnitPredikatHandler } from './determination/determination.handler.js';
import { OpenCycleController } from './open-cycle/open-cycle.controller.js';
import { CyclePins } from './open-cycle/cycle-pins.js';
import { OpenCycleHandler } from './open-cycle/open-cycle.handler.js';
import { ReconcileController } from './reconcile/reconcile.controller.js';
import { ReconcileCycleHandler } from './reconcile/reconcile.handler.js';
import { ExclusionController } from './exclusion/exclusion.controller.js';
import { AppraisalExclusion } from './exclusion/exclusion.service.js';
import { CycleReadiness } from './readiness/cycle-readiness.js';
import { ReadinessController } from './readiness/readiness.controller.js';

/**
 * Appraisal cycles (issue 4): open with the fan-out to every employee in scope, phases, reconcile with the
 * organization, the penetapan (unit predikat, distribution check, determination), publication, listings.
 * The per-appraisal routes are the appraisals module's.
 */
@Module({
  imports: [OrganizationModule],
  controllers: [
    OpenCycleController,
    CycleQueriesController,
    CyclePhaseController,
    ReconcileController,
    DeterminationController,
    CycleLogController,
    ReadinessController,
    ExclusionController,
  ],
  providers: [
    CycleFacts,
    CycleReadModels,
    AppraisalFanOut,
    ResultPublication,
    CyclePins,
    OpenCycleHandler,
    AdvanceCyclePhaseHandler,
    RetryPublicationHandler,
    ReconcileCycleHandler,
    SetUnitPredikatHandler,
    DetermineDistributionHandler,
    CycleReadiness,
    AppraisalExclusion,
  ],
})
export class CyclesModule {}
