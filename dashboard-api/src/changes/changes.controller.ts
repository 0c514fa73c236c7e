import { Controller, Get, Sse, UseInterceptors, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { auditTime, concat, defer, from, interval, map, merge, type Observable } from 'rxjs';
import type { ChangeVersion } from '../contract/api-types';
import { ChangeVersionModel } from '../contract/openapi-models';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { IndexService } from '../index/index.service';

/** Server-sent events come at most this often; a burst of changes becomes one event. */
const EVENT_INTERVAL_MS = 200;
/** A comment-like ping keeps proxies from closing an idle stream. */
const PING_INTERVAL_MS = 25_000;

@ApiTags('changes')
@Controller('changes')
export class ChangesController {
  constructor(private readonly indexService: IndexService) {}

  @Get()
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({ summary: 'The index version: it moves whenever an artifact appears, changes or disappears.' })
  @ApiOkResponse({ type: ChangeVersionModel })
  async version(): Promise<ChangeVersion> {
    await this.indexService.ready();
    return { version: this.indexService.index.version };
  }

  @Sse('stream')
  @ApiOperation({ summary: 'Server-sent events: `change` with {version} on connect and after every change.' })
  @ApiProduces('text/event-stream')
  stream(): Observable<MessageEvent> {
    const index = this.indexService.index;
    const change = (): MessageEvent => ({ type: 'change', data: { version: index.version } });
    const first = defer(() => from(this.indexService.ready())).pipe(map(change));
    const later = index.changes.pipe(auditTime(EVENT_INTERVAL_MS), map(change));
    const pings = interval(PING_INTERVAL_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    return merge(concat(first, later), pings);
  }
}
