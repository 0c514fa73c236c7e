import { DashboardError } from '../common/errors/dashboard-error';
import type { ArtifactRecord } from '../index/artifact-record';
import type { IndexService } from '../index/index.service';
import type { ExperimentRef } from './query/experiment-ref';

/** The indexed artifact, re-checked on disk first (a cheap stat) so what is shown is never stale. */
export async function findFreshRecord(indexService: IndexService, ref: ExperimentRef): Promise<ArtifactRecord> {
  await indexService.ready();
  const index = indexService.index;
  const before = index.find(ref.namespace, ref.hash);
  if (!before) throw DashboardError.experimentNotFound();
  index.checkArtifact(before);
  const record = index.find(ref.namespace, ref.hash);
  if (!record) throw DashboardError.experimentNotFound();
  return record;
}
