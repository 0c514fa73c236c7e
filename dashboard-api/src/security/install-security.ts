import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DashboardAccess } from '../config/dashboard-options';
import { serveSpa } from '../spa/serve-spa';
import { accessGuard } from './access-guard';
import { loopbackHostsOnly } from './host-check';
import { requestLimits } from './request-limits';
import { securityHeaders } from './security-headers';
import { signInRoutes } from './sign-in';

/** Slow or stalled clients: the request head must arrive within 20 s, the whole request within 30 s. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Everything in front of the API, in order: security headers on every response; request
 * limits (read-only methods, no bodies, bounded URLs); the Host check of a loopback dashboard
 * without a token; the sign-in routes; the SPA's files (public: they hold no store data);
 * then the access guard, so whatever else reaches the API needs the token.
 */
export function installSecurity(
  app: NestExpressApplication,
  access: DashboardAccess,
  spaDirectory: string | null,
): void {
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(requestLimits);
  if (access.loopbackHostsOnly) app.use(loopbackHostsOnly);
  app.use(signInRoutes(access.token));
  if (spaDirectory) app.use(serveSpa(spaDirectory));
  if (access.token !== null) app.use(accessGuard(access.token));
  const server = app.getHttpServer() as {
    headersTimeout: number;
    requestTimeout: number;
    maxHeadersCount: number | null;
  };
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.maxHeadersCount = 100;
}
