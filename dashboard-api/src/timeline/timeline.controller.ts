import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TimelineModel } from '../contract/insight-openapi-models';
import type { Timeline } from '../contract/insight-types';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { ListExperimentsQuery } from '../experiments/dto/list-experiments.query';
import { recordMatches, needsMetadata } from '../experiments/query/experiment-filter';
import { toExperimentFilter } from '../experiments/query/to-experiment-filter';
import { IndexService } from '../index/index.service';
import { AttemptFactsCache } from './attempt-facts';
import { buildTimeline } from './build-timeline';
import { EarlierAttemptsCache } from './earlier-attempts';

@ApiTags('timeline')
@Controller('timeline')
@UseInterceptors(JsonBodyInterceptor)
export class TimelineController {
  private readonly facts = new AttemptFactsCache();
  private readonly earlier = new EarlierAttemptsCache();

  constructor(private readonly indexService: IndexService) {}

  @Get()
  @ApiOperation({
    summary:
      'The attempts of the experiments matching the list filters (most recently updated first; `offset` and `limit` page over the experiments that have an attempt, as the list pages its rows): the current one from state.json, earlier ones from events.jsonl; times, status, host, job id.',
  })
  @ApiOkResponse({ type: TimelineModel })
  async timeline(@Query() query: ListExperimentsQuery): Promise<Timeline> {
    const filter = toExperimentFilter(query);
    if (needsMetadata(filter)) await this.indexService.complete();
    else await this.indexService.ready();
    const matching = this.indexService.index.sorted().filter((record) => recordMatches(record, filter));
    return buildTimeline(
      matching,
      (record) => this.facts.of(record),
      (record, currentId) => this.earlier.of(record, currentId),
      { offset: query.offset, limit: query.limit },
      Date.now(),
    );
  }
}
