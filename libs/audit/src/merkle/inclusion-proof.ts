import { leafHash, nodeHash, splitPoint, subtreeHash } from './merkle-tree.js';

// RFC 6962 section 2.1.1 audit paths, verified with the algorithm of RFC 9162 section 2.1.3.2.

/** PATH(m, D[n]): the sibling hashes from leaf `index` up to the root, bottom first. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside a tree of ${leaves.length}`);
  }
  const hashes = leaves.map((leaf) => leafHash(leaf));
  return path(hashes, index, 0, hashes.length);
}

function path(hashes: readonly Uint8Array[], m: number, start: number, end: number): Buffer[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(hashes, m, start, start + k), subtreeHash(hashes, start + k, end)]
    : [...path(hashes, m - k, start + k, end), subtreeHash(hashes, start, start + k)];
}

/** True when `proof` shows that `leaf` is leaf number `index` of the tree of `treeSize` with this root. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  return rootFromInclusionProof(leafHash(leaf), index, treeSize, proof)?.equals(root) ?? false;
}

/** The root the proof leads to, or undefined when the proof cannot belong to that index and size. */
export function rootFromInclusionProof(
  hash: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): Buffer | undefined {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return undefined;
  }
  // Sizes stay below 2^53: bigint shifts avoid the 32-bit truncation of JavaScript's >>.
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r = hash;
  for (const p of proof) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : undefined;
}
