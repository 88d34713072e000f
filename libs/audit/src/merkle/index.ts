export * from './merkle-tree.js';
export * from './inclusion-proof.js';
export * from './consistency-proof.js';
