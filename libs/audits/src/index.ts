// Subjectivity audits: pure functions over approved ratings (no I/O). Method: docs/subjectivity-audits.md.
export * from './audit-settings.js';
export * from './rating-input.js';
export * from './rater-effects/rater-effects.js';
export * from './central-tendency/central-tendency.js';
export * from './halo/halo.js';
export * from './assessment-gaps/assessment-gaps.js';
export * from './group-gaps/group-gaps.js';
export * from './curve/curve-audit.js';
