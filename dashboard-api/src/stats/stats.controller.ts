import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardStatsModel } from '../contract/openapi-models';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { VersionEtag } from '../common/http/version-etag.decorator';
import { VersionEtagInterceptor } from '../common/http/version-etag.interceptor';
import { JsonText } from '../common/json/json-text';
import { writeJson } from 'gren-ts/store';
import { IndexService } from '../index/index.service';
import { computeStats } from './compute-stats';

@ApiTags('stats')
@Controller('stats')
@UseInterceptors(VersionEtagInterceptor, JsonBodyInterceptor)
export class StatsController {
  constructor(private readonly indexService: IndexService) {}

  @Get()
  @VersionEtag('list')
  @ApiOperation({ summary: 'Counts by result and attempt status.' })
  @ApiOkResponse({ type: DashboardStatsModel })
  async stats(): Promise<JsonText> {
    await this.indexService.ready();
    return this.indexService.cached(
      'stats-json',
      () => new JsonText(writeJson(computeStats(this.indexService.index.sorted()))),
    );
  }
}
