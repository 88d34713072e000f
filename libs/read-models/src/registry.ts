// Every read model the projector keeps up to date. Add a projection here and the projector, the API in
// embedded mode, the rebuild CLI and /metrics all pick it up.
import type { Projection } from '../../../libs/projections/src/projection.js';
import { employeeDirectoryProjection } from '../../../libs/read-models/src/employee-directory/employee-directory.projection.js';
import { organizationProjection } from '../../../libs/read-models/src/organization/organization.projection.js';
import { reportingLinesProjection } from '../../../libs/read-models/src/organization/reporting-lines.projection.js';
import { conflictsOfInterestProjection } from '../../../libs/read-models/src/organization/conflicts-of-interest.projection.js';
import { policyVersionsProjection } from '../../../libs/read-models/src/policies/policy-versions.projection.js';
import { frameworksProjection } from '../../../libs/read-models/src/frameworks/frameworks.projection.js';
import { appraisalsProjection } from '../../../libs/read-models/src/appraisals/appraisals.projection.js';
import { cyclesProjection } from '../../../libs/read-models/src/appraisals/cycles.projection.js';

export const projections: readonly Projection[] = [
  employeeDirectoryProjection,
  organizationProjection,
  reportingLinesProjection,
  conflictsOfInterestProjection,
  policyVersionsProjection,
  frameworksProjection,
  appraisalsProjection,
  cyclesProjection,
];
