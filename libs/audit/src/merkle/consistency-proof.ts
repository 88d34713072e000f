import { nodeHash, leafHash, splitPoint, subtreeHash } from './merkle-tree.js';

// RFC 6962 section 2.1.2 consistency proofs (the tree of size m is a prefix of the tree of size n),
// verified with the algorithm of RFC 9162 section 2.1.4.2.

/** PROOF(m, D[n]) for 0 < m <= n; empty when m = n. */
export function consistencyProof(leaves: readonly Uint8Array[], oldSize: number): Buffer[] {
  const n = leaves.length;
  if (!Number.isSafeInteger(oldSize) || oldSize < 1 || oldSize > n) {
    throw new RangeError(`old size ${oldSize} must be 1..${n}`);
  }
  const hashes = leaves.map((leaf) => leafHash(leaf));
  return subproof(hashes, oldSize, 0, n, true);
}

function subproof(hashes: readonly Uint8Array[], m: number, start: number, end: number, complete: boolean): Buffer[] {
  const n = end - start;
  if (m === n) return complete ? [] : [subtreeHash(hashes, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(hashes, m, start, start + k, complete), subtreeHash(hashes, start + k, end)]
    : [...subproof(hashes, m - k, start + k, end, false), subtreeHash(hashes, start, start + k)];
}

/** True when `proof` shows that the tree (oldSize, oldRoot) is a prefix of the tree (newSize, newRoot). */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 1 || oldSize > newSize) {
    return false;
  }
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  if (proof.length === 0) return false;
  let fn = BigInt(oldSize - 1);
  let sn = BigInt(newSize - 1);
  // An old tree that is a perfect subtree of the new one is its own first proof node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.equals(oldRoot) && sr.equals(newRoot) && sn === 0n;
}

function isPowerOfTwo(n: number): boolean {
  // Not n & (n - 1): JavaScript's bitwise operators truncate to 32 bits.
  const b = BigInt(n);
  return b > 0n && (b & (b - 1n)) === 0n;
}
