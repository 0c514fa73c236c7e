import type { NextFunction, Request, Response } from 'express';
import { isLoopbackHostHeader } from './loopback';
import { sendError } from '../common/http/send-error';

/**
 * Middleware for a loopback dashboard without a token: only requests addressed to a loopback
 * name pass (403 otherwise). A web page cannot read such a dashboard through DNS rebinding
 * (its requests carry its own host name), and a dashboard reached some other way is refused
 * instead of served without a token.
 */
export function loopbackHostsOnly(request: Request, response: Response, next: NextFunction): void {
  if (isLoopbackHostHeader(request.headers.host)) {
    next();
    return;
  }
  sendError(
    response,
    403,
    'This dashboard answers only requests addressed to 127.0.0.1, localhost or [::1]. To reach it from elsewhere, use an SSH tunnel, or start it with --host and an access token.',
  );
}
