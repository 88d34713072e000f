// A rule breach found by a decide function. `code` is stable and machine-readable; the API maps `kind` to HTTP.

export type DomainErrorKind =
  /** The input itself is wrong (bad NIP, impossible date): 400/422. */
  | 'invalid'
  /** The thing already exists or the state forbids the command right now: 409. */
  | 'conflict'
  /** The command refers to something that does not exist: 404. */
  | 'not_found'
  /** The actor is not the person this act is assigned to (e.g. not the appraisal's rater): 403. */
  | 'forbidden'
  /** Well-formed, in phase, but a rule of the domain refuses it (a violated distribution curve): 422. */
  | 'unprocessable';

export interface DomainErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetail[] = [],
  ) {
    super(message);
  }
}
