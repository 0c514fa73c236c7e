import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { acceptsEncoding, GZIP_THRESHOLD_BYTES, JsonText } from '../json/json-text';
import { writeJson } from 'gren-ts/store';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Serializes handler results with writeJson (exact big integers, Python floats kept) instead of
 * JSON.stringify. Pre-serialized JsonText is sent as its cached bytes, compressed when large:
 * brotli when the client accepts it (smaller than gzip, and faster to compress at the quality
 * used), else gzip when accepted.
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
        const accepted = request.headers['accept-encoding'];
        if (bytes.length >= GZIP_THRESHOLD_BYTES) {
          const encoding = acceptsEncoding(accepted, 'br') ? 'br' : acceptsEncoding(accepted, 'gzip') ? 'gzip' : null;
          if (encoding !== null) {
            const compressed = encoding === 'br' ? body.brotli : body.gzipped;
            response.setHeader('Content-Encoding', encoding);
            return new StreamableFile(compressed, { type: JSON_TYPE, length: compressed.length });
          }
        }
        return new StreamableFile(bytes, { type: JSON_TYPE, length: bytes.length });
      }),
    );
  }
}
