import type { Contender } from './contender.js';

// Loaded lazily: a child process imports only the contender it runs (Emmett changes pg's type parsers).
export const CONTENDERS: Record<string, () => Promise<Contender>> = {
  ours: async () => (await import('./ours.js')).ours,
  emmett: async () => (await import('./emmett.js')).emmett,
  ceiling: async () => (await import('./ceiling.js')).ceiling,
  group: async () => (await import('./group-commit.js')).groupCommit,
};

export const CONTENDER_NAMES = Object.keys(CONTENDERS);
