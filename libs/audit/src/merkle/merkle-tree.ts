import { createHash } from 'node:crypto';

// RFC 6962 (section 2.1) Merkle Tree Hash. Leaves and interior nodes are hashed with different one-byte
// prefixes (0x00, 0x01), so a leaf can never be passed off as an interior node (second-preimage attack).
// Trees of any size: the left subtree is the largest power of two smaller than the size.

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256 of nothing: the root of the empty tree. */
export const EMPTY_TREE_ROOT = createHash('sha256').digest();

export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) exactly as RFC 6962 defines it, recursively: the reference for everything else. */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  return subtreeHash(
    leaves.map((leaf) => leafHash(leaf)),
    0,
    leaves.length,
  );
}

/** MTH over leaf hashes [start, end). */
export function subtreeHash(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return Buffer.from(leafHashes[start]);
  const k = splitPoint(n);
  return nodeHash(subtreeHash(leafHashes, start, start + k), subtreeHash(leafHashes, start + k, end));
}

/**
 * The same root, computed as leaves arrive in O(log n) memory: a stack of perfect subtrees whose sizes are
 * the binary digits of the count. Folding the stack right to left gives RFC 6962's shape for any size.
 */
export class MerkleRootBuilder {
  private readonly stack: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leaf: Uint8Array): this {
    return this.appendLeafHash(leafHash(leaf));
  }

  appendLeafHash(hash: Buffer): this {
    let node = { size: 1, hash };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
    return this;
  }

  /** An independent builder in the same state (to try several continuations of one prefix). */
  clone(): MerkleRootBuilder {
    const copy = new MerkleRootBuilder();
    copy.stack.push(...this.stack);
    copy.count = this.count;
    return copy;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_TREE_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}

export function merkleRoot(leaves: Iterable<Uint8Array>): Buffer {
  const builder = new MerkleRootBuilder();
  for (const leaf of leaves) builder.append(leaf);
  return builder.root();
}
