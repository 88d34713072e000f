#!/usr/bin/env node
// Offline verifier of a Kinerja Ledger evidence pack (README "Verifying the record"; format:
// libs/audit/README.md "Evidence packs"). Runs with `node` alone: node:crypto and node:buffer, no npm package, nothing imported
// from the repository, so an auditor can read all of it. It checks
//   1. each event's hash, recomputed from its content (canonical JSON, SHA-256), and the per-stream chain
//      (revisions 0, 1, 2, ... and each prevHash naming the previous event's hash);
//   2. each seal's Ed25519 signature, with the key given by --public-key (preferred: a key obtained
//      independently) or else the key inside the pack (which proves consistency only), and the seal chain
//      between consecutive seals;
//   3. each event's RFC 6962 inclusion proof against its seal's signed root and tree size;
// and names every event or seal that fails. Exit 0 valid, 1 invalid, 2 usage.
//
// usage: node tools/verify-evidence-pack.mjs PACK.json [--public-key FILE] [--require-sealed] [--json]
//
// The hashing below must stay byte-for-byte the same as libs/audit (canonical-json.ts, hash-chain.ts,
// merkle/, seal/): test/audit/evidence-pack-tool.spec.ts checks that on random inputs.
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const PACK_FORMAT = 'kinerja-evidence-pack';
export const PACK_VERSION = 1;
const GENESIS_HASH = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---- canonical JSON (RFC 8785 style): sorted keys (UTF-16 code units), no whitespace, ECMAScript numbers.

export function canonicalJson(value) {
  const text = write(value, '$', new Set());
  if (text === undefined) throw new TypeError('$: undefined is not a JSON value');
  return text;
}

function write(input, path, ancestors) {
  const value =
    typeof input === 'object' && input !== null && typeof input.toJSON === 'function' ? input.toJSON() : input;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return writeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new TypeError(`${path}: circular reference`);
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          return `[${value.map((item, i) => write(item, `${path}[${i}]`, ancestors) ?? 'null').join(',')}]`;
        }
        const parts = [];
        for (const key of Object.keys(value).sort()) {
          const text = write(value[key], `${path}.${key}`, ancestors);
          if (text !== undefined) parts.push(`${writeString(key, path)}:${text}`);
        }
        return `{${parts.join(',')}}`;
      } finally {
        ancestors.delete(value);
      }
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} is not a JSON value`);
  }
}

function writeString(text, path) {
  if (LONE_SURROGATE.test(text)) throw new TypeError(`${path}: string with a lone surrogate`);
  return JSON.stringify(text);
}

const sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// ---- the per-stream hash chain: SHA-256 of the canonical JSON of the event without its own hash.

/** The hash an event must carry: revision as a decimal string, metadata without `hash`. */
export function eventHash(stream, event) {
  const { hash: _ignored, ...metadataWithoutHash } = event.metadata ?? {};
  const prevHash = typeof event.metadata?.prevHash === 'string' ? event.metadata.prevHash : '';
  return sha256(
    Buffer.from(
      canonicalJson({
        stream,
        revision: String(event.revision),
        id: event.id,
        type: event.type,
        data: event.data,
        metadataWithoutHash,
        prevHash,
      }),
      'utf8',
    ),
  ).toString('hex');
}

// ---- RFC 6962 Merkle trees: leaf = SHA-256(0x00 || bytes), node = SHA-256(0x01 || left || right).

export const leafHash = (bytes) => sha256(Buffer.from([0]), bytes);
export const nodeHash = (left, right) => sha256(Buffer.from([1]), left, right);

/** The root an audit path leads to (RFC 9162 section 2.1.3.2), or undefined when it cannot fit index and size. */
export function rootFromInclusionProof(hash, index, treeSize, proof) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return undefined;
  }
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

/** RFC 6962 root of a list of leaves (used by the agreement test; the verifier itself only follows proofs). */
export function merkleRoot(leaves) {
  const hashes = leaves.map((l) => leafHash(l));
  const subtree = (start, end) => {
    const n = end - start;
    if (n === 0) return sha256();
    if (n === 1) return hashes[start];
    let k = 1;
    while (k * 2 < n) k *= 2;
    return nodeHash(subtree(start, start + k), subtree(start + k, end));
  };
  return subtree(0, hashes.length);
}

// ---- seals: Ed25519 over the canonical JSON of every field but `signature`.

/** RFC 7638 thumbprint of an Ed25519 public key: the seals' keyId. */
export function keyIdOf(publicKey) {
  const { x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** A public key from PEM (SPKI) or JWK text. */
export function parsePublicKey(text) {
  const trimmed = text.trim();
  const key = trimmed.startsWith('{')
    ? createPublicKey({ key: JSON.parse(trimmed), format: 'jwk' })
    : createPublicKey(trimmed);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

export function sealSignatureValid(seal, publicKey) {
  const { signature, ...payload } = seal;
  if (typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(canonicalJson(payload), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export const sealHash = (seal) => sha256(Buffer.from(canonicalJson(seal), 'utf8')).toString('hex');

function parsePosition(text) {
  const match = typeof text === 'string' ? /^(\d+)\/(\d+)$/.exec(text) : null;
  return match ? [BigInt(match[1]), BigInt(match[2])] : undefined;
}

function comparePositions(a, b) {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

function inRange(seal, position) {
  const to = parsePosition(seal.toPosition);
  const from = seal.fromPosition === null ? null : parsePosition(seal.fromPosition);
  if (!position || !to || from === undefined) return false;
  return comparePositions(position, to) <= 0 && (from === null || comparePositions(position, from) > 0);
}

// ---- the pack

/**
 * Checks a parsed pack. `publicKey`: a KeyObject given by the user, else the pack's own key is used.
 * Returns { ok, problems: [{ subject, detail }], notes: [string], summary }.
 */
export function verifyPack(pack, { publicKey, requireSealed = false } = {}) {
  const problems = [];
  const notes = [];
  const fail = (subject, detail) => problems.push({ subject, detail });
  if (typeof pack !== 'object' || pack === null || pack.format !== PACK_FORMAT) {
    fail('pack', `not a ${PACK_FORMAT} file`);
    return { ok: false, problems, notes, summary: null };
  }
  if (pack.version !== PACK_VERSION) {
    fail('pack', `format version ${JSON.stringify(pack.version)} is not supported (this tool reads ${PACK_VERSION})`);
    return { ok: false, problems, notes, summary: null };
  }
  const events = Array.isArray(pack.events) ? pack.events : [];
  const seals = Array.isArray(pack.seals) ? pack.seals : [];
  const proofs = Array.isArray(pack.proofs) ? pack.proofs : [];
  if (typeof pack.stream !== 'string') fail('pack', 'the stream name is missing');
  if (events.length === 0) fail('pack', 'the pack holds no events');
  const nameEvent = (e, i) =>
    `event revision ${e && e.revision !== undefined ? e.revision : `#${i}`} (id ${e?.id ?? '?'}, ${e?.type ?? '?'})`;

  // 1. Hashes and the chain.
  let previousHash = GENESIS_HASH;
  let previousPosition;
  const withheld = [];
  events.forEach((event, i) => {
    const name = nameEvent(event, i);
    if (typeof event !== 'object' || event === null || typeof event.metadata !== 'object' || !event.metadata) {
      fail(name, 'malformed event (no metadata)');
      return;
    }
    if (String(event.revision) !== String(i)) {
      fail(
        name,
        `found at place ${i} of the stream: revisions must run 0, 1, 2, ... (an event removed, moved or inserted)`,
      );
    }
    const stated = event.metadata.hash;
    if (typeof stated !== 'string' || !HEX64.test(stated)) fail(name, 'its hash is missing or not 64 hex digits');
    if (event.withheld !== undefined) {
      withheld.push(event.revision);
    } else {
      let recomputed;
      try {
        recomputed = eventHash(pack.stream, event);
      } catch (error) {
        fail(name, `its content cannot be hashed: ${error.message}`);
      }
      if (recomputed !== undefined && recomputed !== stated) {
        fail(
          name,
          `its content does not match its hash (recomputed ${recomputed}, stated ${stated}): data, metadata, type or id changed`,
        );
      }
    }
    if (event.metadata.prevHash !== previousHash) {
      fail(
        name,
        `its prevHash ${event.metadata.prevHash} is not the previous event's hash ${previousHash}: the chain is broken here`,
      );
    }
    const position = parsePosition(event.position);
    if (!position) fail(name, `its position ${JSON.stringify(event.position)} is not commit/prepare`);
    else if (previousPosition && comparePositions(position, previousPosition) <= 0) {
      fail(name, `its position ${event.position} does not follow the previous event's`);
    }
    previousPosition = position ?? previousPosition;
    previousHash = stated;
  });
  if (withheld.length > 0) {
    notes.push(
      `revisions ${withheld.join(', ')} have content withheld from this reader: their data as shown is NOT ` +
        "verified; their stated hash is, by the next event's link and by their seal proof",
    );
  }

  // 2. The key and the seals.
  let key = publicKey;
  if (!key) {
    if (pack.publicKey && typeof pack.publicKey.pem === 'string') {
      try {
        key = parsePublicKey(pack.publicKey.pem);
        notes.push(
          'signatures checked with the public key inside the pack: that proves consistency only. Verify with a key ' +
            'obtained independently: --public-key FILE',
        );
        if (pack.publicKey.keyId !== keyIdOf(key)) fail('public key', 'the keyId in the pack is not that of its key');
      } catch (error) {
        fail('public key', `the key in the pack cannot be read: ${error.message}`);
      }
    } else if (seals.length > 0) {
      fail(
        'public key',
        'no public key in the pack and none given with --public-key: seal signatures cannot be checked',
      );
    }
  }
  const keyId = key ? keyIdOf(key) : undefined;
  const sealByIndex = new Map();
  seals.forEach((seal, i) => {
    const name = `seal #${seal?.sealIndex ?? `?${i}`}`;
    if (typeof seal !== 'object' || seal === null || !Number.isSafeInteger(seal.sealIndex)) {
      fail(name, 'malformed seal');
      return;
    }
    if (sealByIndex.has(seal.sealIndex)) fail(name, 'appears twice');
    sealByIndex.set(seal.sealIndex, seal);
    if (!HEX64.test(String(seal.merkleRoot))) fail(name, 'its merkleRoot is not 64 hex digits');
    if (!Number.isSafeInteger(seal.treeSize) || seal.treeSize < 1) fail(name, 'its treeSize is not a count');
    if (seal.algorithm !== 'Ed25519') fail(name, `algorithm ${JSON.stringify(seal.algorithm)} is not Ed25519`);
    if (key) {
      if (seal.keyId !== keyId) fail(name, `signed by key ${seal.keyId}, not the key used to verify (${keyId})`);
      else if (!sealSignatureValid(seal, key)) {
        fail(
          name,
          'its signature does not verify: the seal (root, size, range or any other field) was changed or forged',
        );
      }
    }
    const previous = seals[i - 1];
    if (previous && seal.sealIndex === previous.sealIndex + 1) {
      const broken = [
        seal.previousSealHash !== sealHash(previous) && 'previousSealHash',
        seal.previousSealRoot !== previous.merkleRoot && 'previousSealRoot',
        seal.fromPosition !== previous.toPosition && 'fromPosition',
        seal.firstGlobalIndex !== previous.firstGlobalIndex + previous.treeSize && 'firstGlobalIndex',
      ].filter(Boolean);
      if (broken.length > 0) fail(name, `does not continue seal #${previous.sealIndex}: ${broken.join(', ')}`);
    } else if (previous && seal.sealIndex <= previous.sealIndex) {
      fail(name, `follows seal #${previous.sealIndex}: seals must be in order`);
    }
  });

  // 3. Inclusion proofs.
  const eventById = new Map(events.filter((e) => e && typeof e.id === 'string').map((e) => [e.id, e]));
  const proven = new Map();
  proofs.forEach((proof, i) => {
    const event = eventById.get(proof?.eventId);
    const name = event ? nameEvent(event, events.indexOf(event)) : `proof #${i} (event ${proof?.eventId ?? '?'})`;
    if (!event) return fail(name, 'proves an event that is not in the pack');
    if (proven.has(event.id)) return fail(name, 'has two proofs');
    if (String(proof.revision) !== String(event.revision)) fail(name, `its proof names revision ${proof.revision}`);
    const seal = sealByIndex.get(proof.sealIndex);
    if (!seal) return fail(name, `its proof names seal #${proof.sealIndex}, which is not in the pack`);
    proven.set(event.id, seal.sealIndex);
    if (!inRange(seal, parsePosition(event.position))) {
      fail(
        name,
        `its position ${event.position} is outside seal #${seal.sealIndex}'s range (${seal.fromPosition ?? 'start'} .. ${seal.toPosition}]`,
      );
    }
    if (proof.treeSize !== seal.treeSize) {
      fail(
        name,
        `its proof is for a tree of ${proof.treeSize} events, seal #${seal.sealIndex} signed ${seal.treeSize}`,
      );
      return;
    }
    const path = Array.isArray(proof.auditPath) ? proof.auditPath : [];
    const badNode = path.findIndex((h) => typeof h !== 'string' || !HEX64.test(h));
    if (badNode >= 0) return fail(name, `proof node ${badNode} is not 64 hex digits`);
    const stated = event.metadata?.hash;
    if (typeof stated !== 'string' || !HEX64.test(stated)) return; // already named above
    const root = rootFromInclusionProof(
      leafHash(Buffer.from(stated, 'hex')),
      proof.leafIndex,
      proof.treeSize,
      path.map((h) => Buffer.from(h, 'hex')),
    );
    if (!root || root.toString('hex') !== seal.merkleRoot) {
      fail(
        name,
        `its inclusion proof (leaf ${proof.leafIndex} of ${proof.treeSize}) does not lead to seal #${seal.sealIndex}'s ` +
          'signed root: the event hash, the proof or the root was changed, or the event is not in the sealed tree',
      );
    }
  });

  // 4. Coverage: which events no seal vouches for.
  let lastProven = -1;
  events.forEach((event, i) => {
    if (event && proven.has(event.id)) lastProven = i;
  });
  const unsealed = [];
  events.forEach((event, i) => {
    if (!event || proven.has(event.id)) return;
    const covering = seals.find((s) => s && inRange(s, parsePosition(event.position)));
    if (covering) fail(nameEvent(event, i), `is in seal #${covering.sealIndex}'s range but has no proof`);
    else if (i < lastProven)
      fail(nameEvent(event, i), 'has no seal proof although a later event of the stream is sealed');
    else unsealed.push(event.revision);
  });
  if (unsealed.length > 0) {
    const message =
      `revisions ${unsealed[0]}..${unsealed[unsealed.length - 1]} are not sealed yet: only the hash chain vouches ` +
      'for them (anyone can recompute it); verify a newer pack once they are sealed';
    if (requireSealed) fail('unsealed tail', message);
    else notes.push(message);
  }

  return {
    ok: problems.length === 0,
    problems,
    notes,
    summary: {
      stream: pack.stream,
      events: events.length,
      sealedEvents: proven.size,
      unsealedEvents: unsealed.length,
      seals: seals.length,
      keyId: keyId ?? null,
      keySource: publicKey ? 'given' : key ? 'pack' : 'none',
    },
  };
}

// ---- command line

const USAGE = 'usage: node tools/verify-evidence-pack.mjs PACK.json [--public-key FILE] [--require-sealed] [--json]';

export function main(argv, out = process.stdout, err = process.stderr) {
  let file;
  let keyFile;
  let requireSealed = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--public-key') {
      keyFile = argv[++i];
      if (keyFile === undefined) return usage(err, '--public-key needs a file');
    } else if (arg === '--require-sealed') requireSealed = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      out.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--') || file !== undefined) return usage(err, `unexpected argument: ${arg}`);
    else file = arg;
  }
  if (file === undefined) return usage(err, 'the pack file is missing');
  let text;
  let publicKey;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return usage(err, `cannot read ${file}: ${error.message}`);
  }
  if (keyFile !== undefined) {
    try {
      publicKey = parsePublicKey(readFileSync(keyFile, 'utf8'));
    } catch (error) {
      return usage(err, `cannot use the public key ${keyFile}: ${error.message}`);
    }
  }
  let pack;
  try {
    pack = JSON.parse(text);
  } catch (error) {
    const result = {
      ok: false,
      problems: [{ subject: 'pack', detail: `not valid JSON: ${error.message}` }],
      notes: [],
    };
    out.write(json ? `${JSON.stringify(result, null, 2)}\n` : describe(result));
    return 1;
  }
  const result = verifyPack(pack, { publicKey, requireSealed });
  out.write(json ? `${JSON.stringify(result, null, 2)}\n` : describe(result));
  return result.ok ? 0 : 1;
}

function usage(err, message) {
  err.write(`${message}\n${USAGE}\n`);
  return 2;
}

function describe(result) {
  const lines = [];
  const s = result.summary;
  if (s) {
    lines.push(
      `stream ${s.stream}: ${s.events} events, ${s.sealedEvents} proven in ${s.seals} seal(s), ${s.unsealedEvents} unsealed; ` +
        `key ${s.keyId ?? 'none'} (${s.keySource === 'given' ? 'given with --public-key' : s.keySource === 'pack' ? 'from the pack' : 'none'})`,
    );
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  for (const p of result.problems) lines.push(`FAIL ${p.subject}: ${p.detail}`);
  lines.push(result.ok ? 'VALID' : `INVALID: ${result.problems.length} problem(s)`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
