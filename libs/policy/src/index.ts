// The policy context's public surface: later issues import from here.
export * from './policy.js';
export { DEFAULT_POLICY } from './default-policy.js';
export { validatePolicy, type PolicyProblem, type PolicyValidation } from './validate-policy.js';
export { predikatFor } from './predikat.js';
export { nineBox } from './nine-box.js';
export { creditPoints } from './credit-points.js';
export * from './distribution.js';
export * from './deadlines.js';
export * from './transparency.js';
export * from './versions/policy-events.js';
export * from './versions/published-versions.js';
export * from './versions/policy-scope-state.js';
export * from './publish-policy-version/publish-permission.js';
export * from './publish-policy-version/publish-policy-version.js';
