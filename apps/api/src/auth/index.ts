export { Allow, Public, ACCESS_POLICY, type AccessPolicy } from './access-policy.js';
export { AccessPolicyAudit } from './access-policy-audit.js';
export { actorFrom } from './actor.js';
export { AuthGuard } from './auth.guard.js';
export { AuthModule } from './auth.module.js';
export { CommandRequest } from './command-request.decorator.js';
export { CurrentPrincipal } from './current-principal.decorator.js';
export { actingRoleOf, principalOf } from './request-principal.js';
export { TOKEN_VERIFIER } from './tokens.js';
