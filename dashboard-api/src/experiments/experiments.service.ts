import { Injectable } from '@nestjs/common';
import type { ExperimentDetail, ExperimentList, ExperimentLog, ExperimentRelationships } from '../contract/api-types';
import { ColumnsService } from '../columns/columns.service';
import { DashboardError } from '../common/errors/dashboard-error';
import type { ArtifactRecord } from '../index/artifact-record';
import { IndexService } from '../index/index.service';
import { LOG_SUFFIX, readLogTail } from 'gren-ts/store';
import { buildRelationships } from '../relationships/build-relationships';
import { buildDetail, readMetadata } from './build-detail';
import { findFreshRecord } from './find-fresh-record';
import { reuseOf } from './result-reuse';
import type { ListExperimentsQuery } from './dto/list-experiments.query';
import { listExperiments, needsMetadata } from './query/experiment-filter';
import type { ExperimentRef } from './query/experiment-ref';
import { toExperimentFilter } from './query/to-experiment-filter';

/** Answers the experiment routes from the index; only one artifact's files are ever read. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly indexService: IndexService,
    private readonly columns: ColumnsService,
  ) {}

  async list(query: ListExperimentsQuery): Promise<ExperimentList> {
    if ((query.columns?.length ?? 0) > 0 || (query.sort ?? '') !== '') return this.columns.page(query);
    const filter = toExperimentFilter(query);
    if (needsMetadata(filter)) await this.indexService.complete();
    else await this.indexService.ready();
    return listExperiments(this.indexService.index.sorted(), filter, query.limit, query.offset);
  }

  async detail(ref: ExperimentRef): Promise<ExperimentDetail> {
    const record = await this.fresh(ref);
    const detail = buildDetail(record, (found) => reuseOf(found, this.indexService));
    if (!detail) {
      this.indexService.index.reloadFolder(record.directory);
      throw DashboardError.experimentNotFound();
    }
    return detail;
  }

  async relationships(ref: ExperimentRef): Promise<ExperimentRelationships> {
    await this.indexService.complete();
    const record = await this.fresh(ref);
    const config = readMetadata(record)?.gren_obj;
    const targetConfig =
      typeof config === 'object' && config !== null && !Array.isArray(config)
        ? (config as Record<string, unknown>)
        : null;
    const service = this.indexService;
    const resolver = service.resolver();
    return buildRelationships(
      record,
      service.dependenciesOf(record),
      (dependency) => resolver.resolve(dependency),
      service.dependents(record),
      targetConfig,
    );
  }

  async logs(ref: ExperimentRef, tail: number): Promise<ExperimentLog> {
    const record = await this.fresh(ref);
    const log = readLogTail(record.directory + LOG_SUFFIX, tail);
    return {
      namespace: record.namespace,
      gren_hash: record.hash,
      exists: log.exists,
      size_bytes: log.sizeBytes,
      lines: log.lines,
      truncated: log.truncated,
    };
  }

  private fresh(ref: ExperimentRef): Promise<ArtifactRecord> {
    return findFreshRecord(this.indexService, ref);
  }
}
