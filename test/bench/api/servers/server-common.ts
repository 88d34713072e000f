// What the peer and the ceiling servers share with each other and with the API: the dev-key JWT check (the
// API's own verifier, on the key in AUTH_DEV_KEY_FILE), the one error shape, and their environment.
import {
  createTokenVerifier,
  InvalidTokenError,
  loadOrCreateDevKey,
  type Principal,
} from '../../../../libs/auth/src/index.js';

export const SELF_ASSESSMENT_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/self-assessment';
export const RATING_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/ratings';

export interface RouteParams {
  cycleId: string;
  nip: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** Resolves the caller of a request from its bearer token, as the API's guard does. */
export async function bearerVerifier(): Promise<(authorization: string | undefined) => Promise<Principal>> {
  const verifier = createTokenVerifier({
    mode: 'dev',
    key: await loadOrCreateDevKey(requiredEnv('AUTH_DEV_KEY_FILE')),
  });
  return async (authorization) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', 'a bearer token is required');
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new HttpError(401, 'UNAUTHENTICATED', 'invalid token');
      throw error;
    }
  };
}

export function errorBody(error: HttpError) {
  return { statusCode: error.statusCode, code: error.code, message: error.message };
}
