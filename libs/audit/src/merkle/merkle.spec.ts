import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { consistencyProof, verifyConsistency } from './consistency-proof.js';
import { inclusionProof, verifyInclusion } from './inclusion-proof.js';
import { EMPTY_TREE_ROOT, leafHash, merkleRoot, merkleTreeHash, MerkleRootBuilder, nodeHash } from './merkle-tree.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Buffer => Buffer.from(s, 'hex');

// The Certificate Transparency reference leaves and tree heads for sizes 1..8 (the RFC 6962 test data used
// by certificate-transparency and transparency-dev/merkle).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leavesArb = fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 });

function flipOneBit(hashes: Buffer[], which: number, bit: number): Buffer[] {
  return hashes.map((h, i) => {
    if (i !== which % hashes.length) return h;
    const copy = Buffer.from(h);
    copy[bit % copy.length] ^= 1 << (bit % 8);
    return copy;
  });
}

describe('Merkle tree hash (RFC 6962)', () => {
  it('gives SHA-256 of nothing for the empty tree, and 0x00/0x01 prefixed hashes for leaves and nodes', () => {
    expect(hex(EMPTY_TREE_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(merkleRoot([]))).toBe(hex(EMPTY_TREE_ROOT));
    expect(hex(leafHash(new Uint8Array()))).toBe(CT_ROOTS[0]);
    expect(hex(nodeHash(leafHash(CT_LEAVES[0]), leafHash(CT_LEAVES[1])))).toBe(CT_ROOTS[1]);
  });

  it('matches the certificate-transparency reference roots for sizes 1..8, recursively and incrementally', () => {
    for (let n = 1; n <= 8; n++) {
      expect(hex(merkleTreeHash(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n - 1]);
      expect(hex(merkleRoot(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n - 1]);
    }
  });

  it('computes the same root incrementally as the recursive definition, for any leaves', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        const builder = new MerkleRootBuilder();
        leaves.forEach((leaf, i) => {
          builder.append(leaf);
          expect(builder.size).toBe(i + 1);
          expect(hex(builder.root())).toBe(hex(merkleTreeHash(leaves.slice(0, i + 1))));
        });
      }),
    );
  });
});

describe('inclusion proofs', () => {
  it('match the certificate-transparency audit paths for leaves 0 and 5 of 8', () => {
    expect(inclusionProof(CT_LEAVES, 0).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(inclusionProof(CT_LEAVES, 5).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(inclusionProof(CT_LEAVES.slice(0, 1), 0)).toEqual([]);
  });

  it('verify for every leaf of random trees, and fail for another leaf, index, root or a changed path', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, pick, bit) => {
        const index = pick % leaves.length;
        const root = merkleTreeHash(leaves);
        const proof = inclusionProof(leaves, index);
        expect(verifyInclusion(leaves[index], index, leaves.length, proof, root)).toBe(true);

        const otherLeaf = Buffer.concat([leaves[index], Buffer.from([1])]);
        expect(verifyInclusion(otherLeaf, index, leaves.length, proof, root)).toBe(false);
        // (The tree size is not bound by the path alone: it comes signed with the root, as in a seal.)
        expect(verifyInclusion(leaves[index], index, index, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[index], index, leaves.length, proof, flipOneBit([root], 0, bit)[0])).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(leaves[index], index, leaves.length, flipOneBit(proof, pick, bit), root)).toBe(false);
          expect(verifyInclusion(leaves[index], index, leaves.length, proof.slice(1), root)).toBe(false);
        }
        const otherIndex = (index + 1) % leaves.length;
        if (hex(leaves[otherIndex]) !== hex(leaves[index])) {
          expect(verifyInclusion(leaves[index], otherIndex, leaves.length, proof, root)).toBe(false);
        }
      }),
    );
  });

  it('refuses an index outside the tree', () => {
    expect(() => inclusionProof(CT_LEAVES, 8)).toThrow(RangeError);
    expect(verifyInclusion(CT_LEAVES[0], 8, 8, [], unhex(CT_ROOTS[7]))).toBe(false);
    expect(verifyInclusion(CT_LEAVES[0], -1, 8, [], unhex(CT_ROOTS[7]))).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('match the certificate-transparency proof from size 2 to 8', () => {
    expect(consistencyProof(CT_LEAVES, 2).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    for (let m = 1; m <= 8; m++) {
      for (let n = m; n <= 8; n++) {
        const proof = consistencyProof(CT_LEAVES.slice(0, n), m);
        expect(verifyConsistency(m, n, unhex(CT_ROOTS[m - 1]), unhex(CT_ROOTS[n - 1]), proof)).toBe(true);
      }
    }
  });

  it('verify between any two sizes of random trees, and fail for a changed root or path', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, pick, bit) => {
        const n = leaves.length;
        const m = 1 + (pick % n);
        const oldRoot = merkleTreeHash(leaves.slice(0, m));
        const newRoot = merkleTreeHash(leaves);
        const proof = consistencyProof(leaves, m);
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);

        expect(verifyConsistency(m, n, flipOneBit([oldRoot], 0, bit)[0], newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, flipOneBit([newRoot], 0, bit)[0], proof)).toBe(false);
        if (m < n) {
          expect(verifyConsistency(m, n, oldRoot, newRoot, flipOneBit(proof, pick, bit))).toBe(false);
          expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
        }
      }),
    );
  });

  it('fails when the old tree is not a prefix of the new one (history rewritten)', () => {
    fc.assert(
      fc.property(
        leavesArb.filter((l) => l.length >= 2),
        fc.nat(),
        (leaves, pick) => {
          const n = leaves.length;
          const m = 1 + (pick % (n - 1));
          const rewritten = leaves.map((leaf, i) => (i === pick % m ? Buffer.concat([leaf, Buffer.from([7])]) : leaf));
          const proof = consistencyProof(rewritten, m);
          expect(verifyConsistency(m, n, merkleTreeHash(leaves.slice(0, m)), merkleTreeHash(rewritten), proof)).toBe(
            false,
          );
        },
      ),
    );
  });

  it('refuses sizes that cannot be consistent', () => {
    expect(() => consistencyProof(CT_LEAVES, 0)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, 9)).toThrow(RangeError);
    expect(verifyConsistency(0, 8, EMPTY_TREE_ROOT, unhex(CT_ROOTS[7]), [])).toBe(false);
    expect(verifyConsistency(8, 8, unhex(CT_ROOTS[7]), unhex(CT_ROOTS[7]), [])).toBe(true);
    expect(verifyConsistency(8, 8, unhex(CT_ROOTS[7]), unhex(CT_ROOTS[6]), [])).toBe(false);
    expect(verifyConsistency(9, 8, unhex(CT_ROOTS[7]), unhex(CT_ROOTS[7]), [])).toBe(false);
  });
});
