// The API's feature modules, one per bounded area. Add a module here and its routes are served and documented.
import { EmployeesModule } from './employees/employees.module.js';
import { OrganizationModule } from './organization/organization.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { FrameworksModule } from './frameworks/frameworks.module.js';
import { AppraisalsModule } from './appraisals/appraisals.module.js';
import { CyclesModule } from './cycles/cycles.module.js';

export const featureModules = [
  EmployeesModule,
  OrganizationModule,
  ImportsModule,
  PoliciesModule,
  FrameworksModule,
  AppraisalsModule,
  CyclesModule,
];
