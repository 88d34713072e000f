// Tamper evidence: canonical JSON, per-stream hash chains, RFC 6962 Merkle trees, signed seals and the
// verifier. What is checked and what remains trusted: libs/audit/README.md.
export * from './canonical-json.js';
export * from './hash-chain.js';
export * from './merkle/index.js';
export * from './seal/seal.js';
export * from './seal/signing-key.js';
export * from './seal/sealer.js';
export * from './verify/findings.js';
export { cycleStreamMatcher } from './verify/cycle-streams.js';
export { verifyStore, type VerifyStoreOptions } from './verify/verify-store.js';
export * from './seal/key-file.js';
export * from './chain-guard.js';
export * from './seal/seal-proof.js';
export * from './evidence-pack/evidence-pack.js';
export * from './evidence-pack/load-evidence-pack.js';
