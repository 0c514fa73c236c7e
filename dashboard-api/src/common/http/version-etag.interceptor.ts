import { randomBytes } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { IndexService } from '../../index/index.service';
import { DashboardError } from '../errors/dashboard-error';
import { ETAG_SCOPE, type EtagScope } from './version-etag.decorator';

/** Differs between two runs of the server, so a cached ETag never survives a restart. */
const BOOT_ID = randomBytes(4).toString('hex');

/**
 * ETags from the index version instead of hashing bodies: a client that sends back the ETag
 * it holds gets 304 Not Modified until the store changes. Responses also say `no-cache`, so
 * browsers always revalidate.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly indexService: IndexService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const scope = this.reflector.getAllAndOverride<EtagScope | undefined>(ETAG_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scope) return next.handle();
    await this.indexService.ready();
    const index = this.indexService.index;
    const versionNow = (): number => (scope === 'list' ? index.listVersion : index.version);
    const before = versionNow();
    const etag = `W/"${BOOT_ID}-${scope === 'list' ? 'l' : 'v'}${before}"`;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (matches(request.headers['if-none-match'], etag)) throw DashboardError.notModified();
    return next.handle().pipe(
      tap(() => {
        response.setHeader('Cache-Control', 'no-cache');
        // Only when the index did not move while the answer was built (e.g. metadata still
        // loading): an ETag must never stand for content older than its version.
        if (versionNow() === before) response.setHeader('ETag', etag);
      }),
    );
  }
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}
