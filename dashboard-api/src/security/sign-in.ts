import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from './access-guard';
import { sessionCookieValue, tokensEqual } from './access-token';
import { SIGN_IN_PATH } from './request-limits';
import { sendError } from '../common/http/send-error';

/** The login link gren-dashboard prints: `/login?token=<token>`. */
export const LOGIN_LINK_PATH = '/login';
/** The largest sign-in body read (`{"token": "..."}`). */
const MAX_SIGN_IN_BYTES = 4096;

/**
 * The two ways to trade the token for the session cookie:
 * - `GET /login?token=<token>` (the printed link): sets the cookie and redirects to `/` (303),
 *   or to `/?sign_in=failed` when the token is wrong, where the SPA's sign-in page says so;
 * - `POST /api/auth/session` with `{"token": "..."}` as application/json (the sign-in page's
 *   form): 204 with the cookie, or 401.
 * The cookie is HttpOnly and SameSite=Strict; Secure when the request came over HTTPS or a
 * proxy says so with `X-Forwarded-Proto: https` (behind a proxy this process cannot know).
 * Without a configured token both answer as if signed in, without a cookie.
 */
export function signInRoutes(token: string | null): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.path === LOGIN_LINK_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
      loginLink(request, response, token);
      return;
    }
    if (request.path === SIGN_IN_PATH && request.method === 'POST') {
      void signInExchange(request, response, token);
      return;
    }
    next();
  };
}

function loginLink(request: Request, response: Response, token: string | null): void {
  response.setHeader('Cache-Control', 'no-store');
  const given = request.query.token;
  if (token === null) {
    response.redirect(303, '/');
    return;
  }
  if (typeof given === 'string' && tokensEqual(given, token)) {
    setSessionCookie(request, response, token);
    response.redirect(303, '/');
    return;
  }
  response.redirect(303, '/?sign_in=failed');
}

async function signInExchange(request: Request, response: Response, token: string | null): Promise<void> {
  response.setHeader('Cache-Control', 'no-store');
  if (!request.is('application/json')) {
    sendError(response, 415, 'Send the token as JSON: {"token": "..."} with Content-Type: application/json.');
    return;
  }
  let body: string;
  try {
    body = await readBody(request, MAX_SIGN_IN_BYTES);
  } catch {
    sendError(response, 413, `The sign-in body is too large (at most ${MAX_SIGN_IN_BYTES} bytes).`);
    return;
  }
  const given = tokenOf(body);
  if (given === undefined) {
    sendError(response, 400, 'Send the token as JSON: {"token": "..."}.');
    return;
  }
  if (token !== null && !tokensEqual(given, token)) {
    sendError(response, 401, 'That access token is not the one this dashboard was started with.');
    return;
  }
  if (token !== null) setSessionCookie(request, response, token);
  response.status(204).end();
}

function tokenOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const token = (parsed as { token?: unknown }).token;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

function setSessionCookie(request: Request, response: Response, token: string): void {
  const secure = request.secure || forwardedHttps(request.headers['x-forwarded-proto']);
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${sessionCookieValue(token)}; ${attributes.join('; ')}`);
}

function forwardedHttps(header: string | string[] | undefined): boolean {
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/** The body as text, failing beyond `limit` bytes (the rest is not read). */
function readBody(request: Request, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
