import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExperimentLineageModel } from '../contract/insight-openapi-models';
import type { ExperimentLineage } from '../contract/insight-types';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { VersionEtag } from '../common/http/version-etag.decorator';
import { VersionEtagInterceptor } from '../common/http/version-etag.interceptor';
import { findFreshRecord } from '../experiments/find-fresh-record';
import { parseExperimentRef } from '../experiments/query/experiment-ref';
import type { ArtifactRecord } from '../index/artifact-record';
import { IndexService } from '../index/index.service';
import { buildLineage } from './build-lineage';

/** Registered before the experiments controller, whose `*namespace/:hash` would otherwise take this path. */
@ApiTags('experiments')
@Controller('experiments')
@UseInterceptors(VersionEtagInterceptor, JsonBodyInterceptor)
export class LineageController {
  constructor(private readonly indexService: IndexService) {}

  @Get('*namespace/:hash/lineage')
  @VersionEtag('list')
  @ApiOperation({
    summary:
      'Upstream (every dependency, transitively) and downstream ("used by": every dependent), with counts per class.',
  })
  @ApiOkResponse({ type: ExperimentLineageModel })
  async lineage(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
  ): Promise<ExperimentLineage> {
    const service = this.indexService;
    await service.complete();
    const target = await findFreshRecord(service, parseExperimentRef(namespace, hash));
    const resolver = service.resolver();
    const parentsOf = (record: ArtifactRecord): ArtifactRecord[] =>
      service
        .dependenciesOf(record)
        .map((dependency) => resolver.resolve(dependency))
        .filter((parent): parent is ArtifactRecord => parent !== null && parent !== record);
    const childrenOf = (record: ArtifactRecord): ArtifactRecord[] =>
      service.dependents(record).map(({ child }) => child);
    return buildLineage(target, parentsOf, childrenOf);
  }
}
