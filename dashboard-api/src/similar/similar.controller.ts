import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SimilarExperimentsModel } from '../contract/insight-openapi-models';
import type { SimilarExperiments } from '../contract/insight-types';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { findFreshRecord } from '../experiments/find-fresh-record';
import { parseExperimentRef } from '../experiments/query/experiment-ref';
import { IndexService } from '../index/index.service';
import { SimilarFinder } from './find-similar';
import { SimilarQuery } from './similar.query';

/** Registered before the experiments controller, whose `*namespace/:hash` would otherwise take this path. */
@ApiTags('experiments')
@Controller('experiments')
@UseInterceptors(JsonBodyInterceptor)
export class SimilarController {
  private readonly finder = new SimilarFinder();

  constructor(private readonly indexService: IndexService) {}

  @Get('*namespace/:hash/similar')
  @ApiOperation({
    summary:
      'The nearest stored configs of the same class and the fields that differ, compared as `gren explain` does: why this config is not (or not successfully) cached.',
  })
  @ApiOkResponse({ type: SimilarExperimentsModel })
  async similar(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
    @Query() query: SimilarQuery,
  ): Promise<SimilarExperiments> {
    await this.indexService.complete();
    const target = await findFreshRecord(this.indexService, parseExperimentRef(namespace, hash));
    const siblings = this.indexService.index.sorted().filter((record) => record.namespace === target.namespace);
    return this.finder.find(target, siblings, query.limit);
  }
}
