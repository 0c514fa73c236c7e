import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExperimentDagModel } from '../contract/openapi-models';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { VersionEtag } from '../common/http/version-etag.decorator';
import { VersionEtagInterceptor } from '../common/http/version-etag.interceptor';
import { JsonText } from '../common/json/json-text';
import { IndexService } from '../index/index.service';
import { buildDag } from './build-dag';

@ApiTags('dag')
@Controller('dag')
@UseInterceptors(VersionEtagInterceptor, JsonBodyInterceptor)
export class DagController {
  constructor(private readonly indexService: IndexService) {}

  @Get()
  @VersionEtag('list')
  @ApiOperation({ summary: 'Classes as nodes, dependency fields as edges.' })
  @ApiOkResponse({ type: ExperimentDagModel })
  async dag(): Promise<JsonText> {
    await this.indexService.complete();
    return this.indexService.cached('dag-json', () => {
      const dag = buildDag(this.indexService.index.sorted(), this.indexService.dependenciesOf);
      return new JsonText(JSON.stringify(dag));
    });
  }
}
