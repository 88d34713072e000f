// Advisory lock keys. PostgreSQL's two-integer form: (namespace, projection key), so our locks cannot
// collide with single-bigint advisory locks taken by other code in the same database.

export const LockNamespace = {
  /** Held by the one active runner of a projection, on its dedicated connection. */
  runner: 741_000_001,
  /** Held by a rebuild that wants to take over: the active runner sees it and stands by. */
  takeover: 741_000_002,
  /** One rebuild per projection at a time. */
  rebuild: 741_000_003,
  /** Transaction-scoped: serialises changes to a projection's generation registry. */
  registry: 741_000_004,
} as const;

/** A stable non-negative 31-bit key for a projection name (FNV-1a), the same in every process. */
export function projectionLockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}
