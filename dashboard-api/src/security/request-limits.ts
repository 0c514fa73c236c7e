import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../common/http/send-error';

/** Longest request target (path and query) answered; longer ones get 414. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Most query parameters (counting repeats) a request may carry. */
export const MAX_QUERY_PARAMETERS = 100;
/** The one route that takes a request body: the sign-in exchange. */
export const SIGN_IN_PATH = '/api/auth/session';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The dashboard is read-only: GET and HEAD only (405 otherwise, with `Allow`), except POST to
 * the sign-in exchange; no request body except there (413); a bounded URL (414) and number of
 * query parameters (400). Runs before routing, so no handler ever sees such a request.
 */
export function requestLimits(request: Request, response: Response, next: NextFunction): void {
  const url = request.originalUrl ?? request.url;
  if (url.length > MAX_URL_LENGTH) {
    sendError(response, 414, `The URL is too long (at most ${MAX_URL_LENGTH} characters).`);
    return;
  }
  const signIn = request.method === 'POST' && pathOf(url) === SIGN_IN_PATH;
  if (!READ_METHODS.has(request.method) && !signIn) {
    response.setHeader('Allow', 'GET, HEAD');
    sendError(response, 405, 'The dashboard is read-only: only GET and HEAD are allowed.');
    return;
  }
  if (!signIn && hasBody(request)) {
    sendError(response, 413, 'Request bodies are not accepted.');
    return;
  }
  if (queryParameterCount(url) > MAX_QUERY_PARAMETERS) {
    sendError(response, 400, `Too many query parameters (at most ${MAX_QUERY_PARAMETERS}).`);
    return;
  }
  next();
}

/** Whether the request announces a body (a length above zero, or a chunked one). */
export function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined && length !== '0') return true;
  return request.headers['transfer-encoding'] !== undefined;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function queryParameterCount(url: string): number {
  const query = url.indexOf('?');
  if (query < 0) return 0;
  let count = 0;
  for (const part of url.slice(query + 1).split('&')) if (part !== '') count += 1;
  return count;
}
