import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies/agencies.controller.js';
import { RegisterAgencyHandler } from './agencies/register-agency.handler.js';
import { OrganizationFacts } from './organization-facts.js';
import {
  AssignUnitHeadHandler,
  CreateUnitHandler,
  UpdateUnitHandler,
  VacateUnitHeadHandler,
} from './units/unit-commands.handler.js';
import { UnitsController } from './units/units.controller.js';

/** Agencies and their unit trees. OrganizationFacts is exported for the employee routes' cross-stream checks. */
@Module({
  controllers: [AgenciesController, UnitsController],
  providers: [
    OrganizationFacts,
    RegisterAgencyHandler,
    CreateUnitHandler,
    UpdateUnitHandler,
    AssignUnitHeadHandler,
    VacateUnitHeadHandler,
  ],
  exports: [OrganizationFacts],
})
export class OrganizationModule {}
