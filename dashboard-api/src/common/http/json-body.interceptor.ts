import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { acceptsGzip, GZIP_THRESHOLD_BYTES, JsonText } from '../json/json-text';
import { writeJson } from 'gren-ts/store';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Serializes handler results with writeJson (exact big integers, Python floats kept) instead of
 * JSON.stringify. Pre-serialized JsonText is sent as its cached bytes, gzip-compressed when
 * large and the client accepts it.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<string | StreamableFile> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        response.type(JSON_TYPE);
        if (!(body instanceof JsonText)) return writeJson(body);
        const bytes = body.bytes;
        response.setHeader('Vary', 'Accept-Encoding');
        if (bytes.length >= GZIP_THRESHOLD_BYTES && acceptsGzip(request.headers['accept-encoding'])) {
          response.setHeader('Content-Encoding', 'gzip');
          return new StreamableFile(body.gzipped, { type: JSON_TYPE, length: body.gzipped.length });
        }
        return new StreamableFile(bytes, { type: JSON_TYPE, length: bytes.length });
      }),
    );
  }
}
