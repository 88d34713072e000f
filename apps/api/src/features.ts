// The API's feature modules, one per bounded area. Add a module here and its routes are served and documented.
import { EmployeesModule } from './employees/employees.module.js';
import { OrganizationModule } from './organization/organization.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { FrameworksModule } from './frameworks/frameworks.module.js';
import { AppraisalsModule } from './appraisals/appraisals.module.js';
import { CyclesModule } from './cycles/cycles.module.js';
import { ObjectionsQueueModule } from './objections-queue/objections-queue.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { AuditReadsModule } from './audit-reads/audit-reads.module.js';
import { AuditsModule } from './audits/audits.module.js';
import { AuditModule } from './audit/audit.module.js';
import { TransparencyModule } from './transparency/transparency.module.js';
import { HrQueriesModule } from './hr-queries/hr-queries.module.js';
import { ScoreHistoryModule } from './score-history/score-history.module.js';
import { TrainingModule } from './training/training.module.js';

export const featureModules = [
  EmployeesModule,
  OrganizationModule,
  ImportsModule,
  PoliciesModule,
  FrameworksModule,
  AppraisalsModule,
  CyclesModule,
  ObjectionsQueueModule,
  InboxModule,
  AuditReadsModule,
  AuditsModule,
  AuditModule,
  TransparencyModule,
  HrQueriesModule,
  ScoreHistoryModule,
  TrainingModule,
];
