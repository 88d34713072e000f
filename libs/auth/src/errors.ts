// Typed failures of token verification and dev-key handling, so callers map them without parsing messages.

export type TokenRejectionReason =
  | 'malformed'
  | 'bad_signature'
  /** No key in the JWKS matches the token's kid/alg. */
  | 'unknown_key'
  | 'wrong_algorithm'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  /** A required claim is missing or has the wrong type. */
  | 'invalid_claims'
  | 'unknown_role';

/** The token is not acceptable: the caller is not authenticated (HTTP 401). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(
    readonly reason: TokenRejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The token could not be checked because the identity provider's JWKS is unreachable or unusable (HTTP 503). */
export class TokenVerifierUnavailableError extends Error {
  override readonly name = 'TokenVerifierUnavailableError';
}

/** A claim set cannot be signed (unknown role, empty subject, bad lifetime). */
export class InvalidTokenRequestError extends Error {
  override readonly name = 'InvalidTokenRequestError';
}

export class DevKeyError extends Error {
  override readonly name = 'DevKeyError';

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`dev auth key ${file}: ${message}`, options);
  }
}
