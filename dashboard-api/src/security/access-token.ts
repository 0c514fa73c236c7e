import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens given with --token / GREN_DASHBOARD_TOKEN: long enough, and safe in a header and a URL. */
const TOKEN_PATTERN = /^[\x21-\x7e]{16,512}$/;

/** A fresh access token: 32 random bytes, base64url (43 characters, URL-safe). */
export function generateAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Why a user-chosen token cannot be used, or null when it can. */
export function accessTokenProblem(token: string): string | null {
  if (TOKEN_PATTERN.test(token)) return null;
  return 'an access token must be 16 to 512 printable ASCII characters without spaces';
}

/**
 * Whether `given` is the access token, in time independent of where they differ: both are
 * hashed to 32 bytes first, so neither their contents nor their lengths leak through timing.
 */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * The session cookie's value for a token: an HMAC of a fixed label keyed by the token. The
 * cookie proves the token was presented without being the token (it cannot be replayed as a
 * bearer header), and a new token (a restart without --token) invalidates every old cookie.
 */
export function sessionCookieValue(token: string): string {
  return createHmac('sha256', token).update('gren-dashboard-session-v1').digest('base64url');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
