import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { sendError } from '../http/send-error';
import { toHttpError } from './http-error';

/** The one exception filter: every error becomes `{"detail": "..."}` with its status. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('gren-dashboard');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, detail } = toHttpError(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (response.headersSent) {
      response.end();
      return;
    }
    if (status === 304) {
      response.status(304).end();
      return;
    }
    sendError(response, status, detail);
  }
}
