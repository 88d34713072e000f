// Every read model the projector keeps up to date. Add a projection here and the projector, the API in
// embedded mode, the rebuild CLI and /metrics all pick it up.
import type { Projection } from '../../projections/src/projection.js';
import { employeeDirectoryProjection } from './employee-directory/employee-directory.projection.js';
import { organizationProjection } from './organization/organization.projection.js';
import { reportingLinesProjection } from './organization/reporting-lines.projection.js';
import { conflictsOfInterestProjection } from './organization/conflicts-of-interest.projection.js';
import { policyVersionsProjection } from './policies/policy-versions.projection.js';
import { frameworksProjection } from './frameworks/frameworks.projection.js';
import { appraisalsProjection } from './appraisals/appraisals.projection.js';
import { cyclesProjection } from './appraisals/cycles.projection.js';
import { objectionsProjection } from './objections/objections.projection.js';
import { inboxProjection } from './inbox/inbox.projection.js';
import { ratingFactsProjection } from './audits/rating-facts.projection.js';
import { scoreHistoryProjection } from './score-history/score-history.projection.js';
import { trainingJpProjection } from './training/training-jp.projection.js';

export const projections: readonly Projection[] = [
  employeeDirectoryProjection,
  organizationProjection,
  reportingLinesProjection,
  conflictsOfInterestProjection,
  policyVersionsProjection,
  frameworksProjection,
  appraisalsProjection,
  cyclesProjection,
  objectionsProjection,
  inboxProjection,
  ratingFactsProjection,
  scoreHistoryProjection,
  trainingJpProjection,
];
