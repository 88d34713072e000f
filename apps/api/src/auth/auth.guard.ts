import {
  HttpException,
  Inject,
  Injectable,
  Logger,
  Optional,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InvalidTokenError,
  TokenVerifierUnavailableError,
  type Principal,
  type TokenVerifier,
} from '../../../../libs/auth/src/index.js';
import type { FastifyRequest } from 'fastify';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.js';
import { AuthFailureLimit } from './auth-failure-limit.js';
import { authUnavailable, forbidden, unauthenticated } from './auth-errors.js';
import { attachPrincipal } from './request-principal.js';
import { TOKEN_VERIFIER } from './tokens.js';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface HttpReply {
  header(name: string, value: string): unknown;
}

// RFC 6750 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Deny by default, registered as APP_GUARD: @Public() routes pass; @Allow(...roles) routes need a valid
 * bearer token holding one of the roles; any other route is refused for everyone, so a forgotten decorator
 * cannot open a route. Relation checks (own record, direct report, agency) belong after this, in the
 * handler or a policy service, using the principal this guard attaches to the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('auth');
  private readonly reportedUndecorated = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() private readonly failures?: AuthFailureLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP is served; anything else (rpc, ws) has no policy yet.
    if (context.getType() !== 'http') return false;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === undefined) {
      this.reportUndecorated(context);
      throw forbidden('this route has no access policy');
    }
    if (policy.kind === 'public') return true;

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    const principal = await this.authenticate(request, reply).catch(async (error: unknown) => {
      // Only failed authentications count towards the per-address limit; a valid token never does.
      if (this.failures && error instanceof HttpException && error.getStatus() === 401) {
        throw await this.failures.refuse(request as unknown as FastifyRequest, reply, error);
      }
      throw error;
    });
    const actingRole = policy.roles.find((role) => principal.roles.includes(role));
    if (actingRole === undefined) throw forbidden(`requires one of the roles ${policy.roles.join(', ')}`);
    attachPrincipal(request, principal, actingRole);
    return true;
  }

  private async authenticate(request: HttpRequest, reply: HttpReply): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      reply.header('WWW-Authenticate', 'Bearer');
      throw unauthenticated('a bearer token is required');
    }
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) {
      reply.header('WWW-Authenticate', 'Bearer error="invalid_request"');
      throw unauthenticated('the Authorization header must be "Bearer <token>"');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        this.logger.debug(`token rejected: ${error.reason}`);
        reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw unauthenticated(
          error.reason === 'expired' ? 'the bearer token has expired' : 'the bearer token is invalid',
          error,
        );
      }
      if (error instanceof TokenVerifierUnavailableError) {
        this.logger.error(`${error.message}`);
        throw authUnavailable(error);
      }
      throw error;
    }
  }

  private reportUndecorated(context: ExecutionContext): void {
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    if (this.reportedUndecorated.has(route)) return;
    this.reportedUndecorated.add(route);
    this.logger.warn(`${route} has neither @Public() nor @Allow(...): every call is refused`);
  }
}
