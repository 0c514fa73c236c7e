import type { ListExperimentsQuery } from '../dto/list-experiments.query';
import { parseConfigFilter } from './config-filter';
import type { ExperimentFilter } from './experiment-filter';
import { parseDatetimeParam } from './parse-datetime';

/** The validated query as a filter; empty values mean "no filter". */
export function toExperimentFilter(query: ListExperimentsQuery): ExperimentFilter {
  const text = (value: string | undefined): string | undefined =>
    value === undefined || value === '' ? undefined : value;
  const time = (name: string, value: string | undefined): number | undefined =>
    value === undefined || value === '' ? undefined : parseDatetimeParam(name, value);
  const filter: ExperimentFilter = {
    config: (query.config_filter ?? []).filter((raw) => raw !== '').map(parseConfigFilter),
  };
  const entries: [keyof ExperimentFilter, string | number | undefined][] = [
    ['resultStatus', text(query.result_status)],
    ['attemptStatus', text(query.attempt_status)],
    ['namespacePrefix', text(query.namespace)],
    ['backend', text(query.backend)],
    ['hostname', text(query.hostname)],
    ['user', text(query.user)],
    ['slurmJobId', text(query.slurm_job_id)],
    ['startedAfter', time('started_after', query.started_after)],
    ['startedBefore', time('started_before', query.started_before)],
    ['updatedAfter', time('updated_after', query.updated_after)],
    ['updatedBefore', time('updated_before', query.updated_before)],
  ];
  for (const [key, value] of entries)
    if (value !== undefined) (filter as unknown as Record<string, unknown>)[key] = value;
  if (query.stale === 'true' || query.stale === 'false') filter.stale = query.stale === 'true';
  return filter;
}
