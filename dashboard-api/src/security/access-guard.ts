import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sessionCookieValue, tokensEqual } from './access-token';
import { sendError } from '../common/http/send-error';

/** The session cookie the sign-in exchange sets. */
export const SESSION_COOKIE = 'gren_dashboard_session';

/**
 * Middleware: with a token configured, a request passes only with `Authorization: Bearer
 * <token>` or the session cookie; otherwise 401 JSON with `WWW-Authenticate`. It sits behind
 * the public routes (the SPA's files, the sign-in routes), so everything else — the whole API
 * whatever the spelling of its path — is refused by default.
 */
export function accessGuard(token: string): RequestHandler {
  const cookie = sessionCookieValue(token);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (isAuthorized(request, token, cookie)) {
      next();
      return;
    }
    const offered = request.headers.authorization !== undefined;
    response.setHeader(
      'WWW-Authenticate',
      offered ? 'Bearer realm="gren-dashboard", error="invalid_token"' : 'Bearer realm="gren-dashboard"',
    );
    sendError(
      response,
      401,
      'Authentication required: send the access token as "Authorization: Bearer <token>", or sign in with the link gren-dashboard printed.',
    );
  };
}

function isAuthorized(request: Request, token: string, cookie: string): boolean {
  const bearer = bearerToken(request.headers.authorization);
  if (bearer !== undefined) return tokensEqual(bearer, token);
  const session = readCookie(request.headers.cookie, SESSION_COOKIE);
  return session !== undefined && tokensEqual(session, cookie);
}

/** The token of an `Authorization: Bearer <token>` header (scheme in any case). */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? '';
}

/** One cookie's value from a Cookie header (the first of that name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
