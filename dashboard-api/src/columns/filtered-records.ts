import { recordMatches, type ExperimentFilter } from '../experiments/query/experiment-filter';
import type { ArtifactRecord } from '../index/artifact-record';

/** The records of `sorted` (list order) that pass the filter. */
export function filteredRecords(
  sorted: readonly ArtifactRecord[],
  filter: ExperimentFilter,
): readonly ArtifactRecord[] {
  if (!hasCondition(filter)) return sorted;
  return sorted.filter((record) => recordMatches(record, filter));
}

function hasCondition(filter: ExperimentFilter): boolean {
  return Object.entries(filter).some(([key, value]) =>
    key === 'config' ? (value as unknown[]).length > 0 : value !== undefined,
  );
}
