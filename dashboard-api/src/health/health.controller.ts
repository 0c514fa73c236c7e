import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { version } from 'gren-ts';
import type { HealthCheck } from '../contract/api-types';
import { HealthCheckModel } from '../contract/openapi-models';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { IndexService } from '../index/index.service';

@ApiTags('health')
@Controller('health')
@UseInterceptors(JsonBodyInterceptor)
export class HealthController {
  constructor(private readonly indexService: IndexService) {}

  @Get()
  @ApiOperation({ summary: 'API status, the gren version, and how many artifacts are indexed or unreadable.' })
  @ApiOkResponse({ type: HealthCheckModel })
  async health(): Promise<HealthCheck> {
    await this.indexService.ready();
    const records = this.indexService.index.sorted();
    const invalid = this.indexService.cached(
      'invalid-count',
      () => records.filter((r) => r.summary.result_status === 'invalid').length,
    );
    return {
      status: invalid > 0 ? 'degraded' : 'healthy',
      version,
      experiments: records.length,
      invalid_artifacts: invalid,
    };
  }
}
