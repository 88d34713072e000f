/** The TokenVerifier the guard uses; override it in tests with `.overrideProvider(TOKEN_VERIFIER)`. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
