import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of the SPA's index.html. Scripts and style sheets only from this
 * origin; the `<style>` elements Angular adds for component styles carry the per-response
 * nonce (Angular reads it from `ngCspNonce` on `<app-root>`). No inline script, no inline
 * style attribute, no framing, no plugin, no other origin for fetch/EventSource.
 */
export function spaContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Everything that is not a page (JSON, scripts, style sheets, images): nothing may run or be framed. */
export const RESOURCE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The Swagger UI page under /api/docs: its scripts are files of this origin, but it inlines a
 * style sheet and sets style attributes, so only there inline styles are allowed (scripts
 * stay 'self': no inline script runs). It shows the API's schema, no store data.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Sent with every response (the SPA's index.html replaces the CSP with its nonce policy). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': RESOURCE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Permitted-Cross-Domain-Policies': 'none',
});

const DOCS_PATH = /^\/api\/docs(\/|$)/;

/** Middleware: the security headers on every response, whatever answers it (errors too). */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (DOCS_PATH.test(request.path)) response.setHeader('Content-Security-Policy', DOCS_CSP);
  response.removeHeader('X-Powered-By');
  next();
}
