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

@ApiTags('timeline')
@Controller('timeline')
@UseInterceptors(JsonBodyInterceptor)
export class TimelineController {
  private readonly facts = new AttemptFactsCache();

  constructor(private readonly indexService: IndexService) {}

  @Get()
  @ApiOperation({
    summary:
      'The current attempt of each experiment matching the list filters (most recently updated first, `limit` of them): times, status, host, SLURM job.',
  })
  @ApiOkResponse({ type: TimelineModel })
  async timeline(@Query() query: ListExperimentsQuery): Promise<Timeline> {
    const filter = toExperimentFilter(query);
    if (needsMetadata(filter)) await this.indexService.complete();
    else await this.indexService.ready();
    const matching = this.indexService.index.sorted().filter((record) => recordMatches(record, filter));
    return buildTimeline(matching, (record) => this.facts.of(record), query.limit, Date.now());
  }
}
