// Exclusion events for given/when/then specs (test-only).
import type { AppraisalEvent, ExclusionCategory } from '../appraisal/appraisal-events.js';
import { NOW } from '../appraisal/appraisal-fixtures.js';

export const appraisalExcluded = (
  category: ExclusionCategory = 'LONG_LEAVE',
  reason = 'cuti besar',
): AppraisalEvent => ({
  type: 'AppraisalExcluded.v1',
  data: { reason, category, excludedAt: NOW },
});
