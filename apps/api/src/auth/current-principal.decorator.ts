import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../../../../libs/auth/src/index.js';
import { principalOf } from './request-principal.js';

/** The verified caller. Only on @Allow routes: on a @Public route there is none, and that is a bug (500). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without an authenticated principal');
  return principal;
});
