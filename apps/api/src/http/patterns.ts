// The identifier shapes the edge validates, defined once for every DTO (class-validator `@Matches`). The domain
// re-checks what it needs (a NIP's parts in libs/organization/src/nip.ts); these only keep junk out early.

/** A NIP: exactly 18 digits (birth date, appointment, gender, sequence). */
export const NIP_PATTERN = /^\d{18}$/;

/** Agency, unit, framework, policy-scope and item ids: lower-case letters, digits and dashes, at most 64. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Cycle ids in paths: letters, digits and dashes, at most 64 (older cycles may carry capitals). */
export const CYCLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
