import type { ExperimentList, ExperimentSummary } from '../../contract/api-types';
import type { ArtifactRecord } from '../../index/artifact-record';
import { schedulerJobIds } from '../../index/scheduler-job-ids';
import { staleInfoOf } from '../stale-info';
import { configMatches, type ConfigFilter } from './config-filter';

/** The list filters after validation (all combined with AND, as in the Python gren). */
export interface ExperimentFilter {
  resultStatus?: string;
  attemptStatus?: string;
  /** `namespace` is a prefix: a full namespace selects one class. */
  namespacePrefix?: string;
  backend?: string;
  hostname?: string;
  user?: string;
  /** A SLURM job or array job id (`1234`), or an array task (`1234_5`). */
  slurmJobId?: string;
  /** Inclusive bounds in ms since the epoch; rows without the time are left out. */
  startedAfter?: number;
  startedBefore?: number;
  updatedAfter?: number;
  updatedBefore?: number;
  config: readonly ConfigFilter[];
  /** Only stale artifacts (true) or only the others (false); see staleInfoOf. */
  stale?: boolean;
}

/** Backends whose job ids are SLURM's: ours, and the Python gren's submitit. */
const SLURM_BACKENDS: ReadonlySet<string> = new Set(['slurm', 'submitit']);

/** Whether the filter needs metadata (config_filter), which the index reads after the states. */
export function needsMetadata(filter: ExperimentFilter): boolean {
  return filter.config.length > 0;
}

export function recordMatches(record: ArtifactRecord, filter: ExperimentFilter): boolean {
  const row = record.summary;
  if (filter.resultStatus !== undefined && row.result_status !== filter.resultStatus) return false;
  if (filter.attemptStatus !== undefined && row.attempt_status !== filter.attemptStatus) return false;
  if (filter.namespacePrefix !== undefined && !row.namespace.startsWith(filter.namespacePrefix)) return false;
  if (filter.backend !== undefined && row.backend !== filter.backend) return false;
  if (filter.hostname !== undefined && row.hostname !== filter.hostname) return false;
  if (filter.user !== undefined && row.user !== filter.user) return false;
  if (
    filter.slurmJobId !== undefined &&
    (!SLURM_BACKENDS.has(row.backend ?? '') || !schedulerJobIds(record).includes(filter.slurmJobId))
  )
    return false;
  if (!withinBounds(record.startedMs, filter.startedAfter, filter.startedBefore)) return false;
  if (!withinBounds(record.updatedMs, filter.updatedAfter, filter.updatedBefore)) return false;
  if (filter.config.length > 0 && !configMatches(record.metadata?.config ?? null, filter.config)) return false;
  if (filter.stale !== undefined && (staleInfoOf(record) !== null) !== filter.stale) return false;
  return true;
}

function withinBounds(value: number | null, after: number | undefined, before: number | undefined): boolean {
  if (after === undefined && before === undefined) return true;
  if (value === null) return false;
  if (after !== undefined && value < after) return false;
  if (before !== undefined && value > before) return false;
  return true;
}

/**
 * One page of the filtered rows of `sorted` (already in list order); `total` counts every
 * match, before paging.
 */
export function listExperiments(
  sorted: readonly ArtifactRecord[],
  filter: ExperimentFilter,
  limit: number,
  offset: number,
): ExperimentList {
  const end = offset + limit;
  const page: ArtifactRecord[] = [];
  let total = 0;
  if (isEmpty(filter)) {
    total = sorted.length;
    page.push(...sorted.slice(offset, end));
  } else {
    for (const record of sorted) {
      if (!recordMatches(record, filter)) continue;
      if (total >= offset && total < end) page.push(record);
      total += 1;
    }
  }
  return { experiments: page.map(listedSummary), total };
}

/** The row of a listed record: its summary, marked `stale` when it no longer fits its class. */
function listedSummary(record: ArtifactRecord): ExperimentSummary {
  return staleInfoOf(record) === null ? record.summary : { ...record.summary, stale: true };
}

function isEmpty(filter: ExperimentFilter): boolean {
  return (
    filter.config.length === 0 &&
    [
      filter.resultStatus,
      filter.attemptStatus,
      filter.namespacePrefix,
      filter.backend,
      filter.hostname,
      filter.user,
      filter.slurmJobId,
      filter.startedAfter,
      filter.startedBefore,
      filter.updatedAfter,
      filter.updatedBefore,
      filter.stale,
    ].every((value) => value === undefined)
  );
}
