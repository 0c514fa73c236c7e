import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { JsonText } from '../json/json-text';
import { writeJson } from '../json/write-json';

/**
 * Serializes handler results with writeJson (exact big integers, Python floats kept) instead of
 * JSON.stringify, and passes pre-serialized JsonText through untouched.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        response.type('application/json; charset=utf-8');
        return body instanceof JsonText ? body.text : writeJson(body);
      }),
    );
  }
}
