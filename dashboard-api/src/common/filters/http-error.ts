import { HttpException, HttpStatus } from '@nestjs/common';
import { GrenError } from 'gren-ts';

export interface HttpError {
  status: number;
  detail: string;
}

/** GrenError codes the dashboard answers with something other than 500. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  INVALID_PARAMETER: HttpStatus.UNPROCESSABLE_ENTITY,
  EXPERIMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_MODIFIED: HttpStatus.NOT_MODIFIED,
  FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_CONTENT: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

/**
 * The status and `{"detail": ...}` message for anything a request may throw. Only messages
 * written for clients pass through; anything unexpected is a bare 500 (the stack trace goes
 * to the server log, never into a response).
 */
export function toHttpError(exception: unknown): HttpError {
  if (exception instanceof GrenError) {
    const status = STATUS_BY_CODE[exception.code];
    return status === undefined
      ? { status: 500, detail: 'Internal server error' }
      : { status, detail: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return { status, detail: 'Not found' };
    return { status, detail: httpExceptionMessage(exception) };
  }
  const statusLike = exception as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof statusLike?.status === 'number' && statusLike.status >= 400 && statusLike.status < 500) {
    // body-parser and friends (http-errors): `expose` says the message is meant for clients.
    const detail =
      statusLike.expose === true && typeof statusLike.message === 'string' ? statusLike.message : 'Bad request';
    return { status: statusLike.status, detail };
  }
  return { status: 500, detail: 'Internal server error' };
}

function httpExceptionMessage(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
