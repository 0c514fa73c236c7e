import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ExperimentDetail, ExperimentList, ExperimentLog, ExperimentRelationships } from '../contract/api-types';
import {
  ApiErrorModel,
  ExperimentDetailModel,
  ExperimentListModel,
  ExperimentLogModel,
  ExperimentRelationshipsModel,
} from '../contract/openapi-models';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { VersionEtag } from '../common/http/version-etag.decorator';
import { VersionEtagInterceptor } from '../common/http/version-etag.interceptor';
import { ListExperimentsQuery } from './dto/list-experiments.query';
import { LogsQuery } from './dto/logs.query';
import { ExperimentsService } from './experiments.service';
import { parseExperimentRef } from './query/experiment-ref';

const namespaceParam = ApiParam({
  name: 'namespace',
  description: 'Dotted namespace (module path and class), e.g. refstore.pipelines.Train; "/" also separates parts.',
  example: 'refstore.pipelines.Top',
});
const hashParam = ApiParam({ name: 'hash', description: '20 lowercase hex digits.', example: '3c619c85f3318dea28d6' });
const notFound = ApiResponse({ status: 404, type: ApiErrorModel, description: '{"detail": "Experiment not found"}' });
const invalid = ApiResponse({
  status: 422,
  type: ApiErrorModel,
  description: 'A parameter is invalid; the message names it.',
});

@ApiTags('experiments')
@Controller('experiments')
@UseInterceptors(VersionEtagInterceptor, JsonBodyInterceptor)
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get()
  @VersionEtag('list')
  @ApiOperation({ summary: 'Experiments, filtered, most recently updated first (nulls last), paged.' })
  @ApiOkResponse({ type: ExperimentListModel })
  @invalid
  list(@Query() query: ListExperimentsQuery): Promise<ExperimentList> {
    return this.experiments.list(query);
  }

  @Get('*namespace/:hash/relationships')
  @VersionEtag('list')
  @ApiOperation({ summary: 'Parents (dependencies) and children (dependents) of an experiment.' })
  @namespaceParam
  @hashParam
  @ApiOkResponse({ type: ExperimentRelationshipsModel })
  @notFound
  @invalid
  relationships(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
  ): Promise<ExperimentRelationships> {
    return this.experiments.relationships(parseExperimentRef(namespace, hash));
  }

  @Get('*namespace/:hash/logs')
  @ApiOperation({ summary: "The last lines of the experiment's .gren/gren.log." })
  @namespaceParam
  @hashParam
  @ApiOkResponse({ type: ExperimentLogModel })
  @notFound
  @invalid
  logs(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
    @Query() query: LogsQuery,
  ): Promise<ExperimentLog> {
    return this.experiments.logs(parseExperimentRef(namespace, hash), query.tail);
  }

  @Get('*namespace/:hash')
  @VersionEtag('any')
  @ApiOperation({ summary: 'One experiment: summary, directory, whole state, metadata and attempt.' })
  @namespaceParam
  @hashParam
  @ApiOkResponse({ type: ExperimentDetailModel })
  @notFound
  @invalid
  detail(@Param('namespace') namespace: string | string[], @Param('hash') hash: string): Promise<ExperimentDetail> {
    return this.experiments.detail(parseExperimentRef(namespace, hash));
  }
}
