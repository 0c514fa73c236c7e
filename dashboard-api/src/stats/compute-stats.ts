import { countStatuses } from 'gren-ts/store';
import type { DashboardStats } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';

/** The store model's status counts over the indexed artifacts (unreadable ones count as "invalid"). */
export function computeStats(records: readonly ArtifactRecord[]): DashboardStats {
  return countStatuses(summariesOf(records));
}

function* summariesOf(records: readonly ArtifactRecord[]): Iterable<ArtifactRecord['summary']> {
  for (const record of records) yield record.summary;
}
