// The sealer as a process runs it (README "Tamper evidence"): in apps/projector and in the API with
// PROJECTOR=embedded, after the infrastructure opens, stopped before it closes. The key comes from
// configuration (AUDIT_SIGNING_KEY, or AUDIT_SIGNING_KEY_FILE created on first use), never from the database.
// Several processes may run it: each seal is appended at the expected revision of the seal it continues, so
// a second sealer only loses races (and seals nothing), it can never fork the seal chain.
import type { Config } from '../../config/src/config.js';
import { loadOrCreateSigningKey } from '../../audit/src/seal/key-file.js';
import { startSealer } from '../../audit/src/seal/sealer.js';
import type { EventStore } from '../../event-store/src/port.js';

export type SealerLog = (level: 'info' | 'error', message: string) => void;

/**
 * Starts the periodic sealer unless AUDIT_SEALER=off; returns its stop function (resolves when a seal in
 * progress is done). `store` must be the hash-chained store: seals are events with a chain of their own.
 */
export async function startConfiguredSealer(
  config: Config,
  store: EventStore,
  log: SealerLog,
): Promise<(() => Promise<void>) | undefined> {
  if (!config.audit.sealer) {
    log('info', 'sealer off (AUDIT_SEALER=off): no seals are appended by this process');
    return undefined;
  }
  const { key, created } = await loadOrCreateSigningKey({
    inline: config.audit.signingKey,
    file: config.audit.signingKeyFile,
  });
  if (created) log('info', `sealer: created a new signing key ${key.keyId} (publish its public key)`);
  log(
    'info',
    `sealer on: key ${key.keyId}, every ${config.audit.sealIntervalMs} ms or ${config.audit.sealMaxUnsealed} events`,
  );
  return startSealer({
    store,
    key,
    intervalMs: config.audit.sealIntervalMs,
    maxUnsealed: config.audit.sealMaxUnsealed,
    // Checking the unsealed count reads up to maxUnsealed events: a tenth of the interval, as startSealer does,
    // but short intervals (tests) are not held to its 1 s floor.
    checkEveryMs: Math.max(100, Math.floor(config.audit.sealIntervalMs / 10)),
    log,
  });
}
