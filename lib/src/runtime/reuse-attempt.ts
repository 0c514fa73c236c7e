import { GrenAttemptLost } from '../errors/attempt-lost';
import type { HeldComputeLock } from '../locking/compute-lock';
import { getLogger } from '../logging/gren-logger';
import { resultLinkContent } from '../storage/result-link';
import { withStateLock } from '../storage/state-lock';
import { isActive } from '../storage/state-types';
import { successMarkerContent } from '../storage/success-marker';
import { finishReused } from '../storage/transitions';
import type { Artifact } from './artifact';
import type { GrenRuntime } from './gren-runtime';
import { findReusableResult, type ReusableResult } from './reusable-result';
import { writeMetadata } from './run-attempt';

const logger = getLogger();

/**
 * For an attempt whose compute lock we hold: when an earlier identity of the config holds a
 * success, record this artifact as a link to it (no data copied) and release the lock: true.
 * false (lock still held) when there is nothing to reuse. Holding the compute lock makes
 * concurrent callers wait and then load, so one reuse happens, recorded by one event.
 */
export async function reuseIfMapped<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  lock: HeldComputeLock,
): Promise<boolean> {
  let source: ReusableResult | undefined;
  try {
    source = findReusableResult(runtime, artifact);
  } catch (error) {
    await lock.release();
    throw error;
  }
  if (!source) return false;
  await reuseFrom(runtime, artifact, attemptId, lock, source);
  return true;
}

/** Records the attempt as a reuse of `source` (metadata, link, success) and releases the lock. */
export async function reuseFrom<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  lock: HeldComputeLock,
  source: ReusableResult,
): Promise<void> {
  try {
    await writeMetadata(runtime, artifact, attemptId);
    const recorded = await withStateLock(artifact.paths, () => recordReuse(runtime, artifact, attemptId, lock, source));
    if (!recorded) throw new GrenAttemptLost(artifact.className, artifact.hash, artifact.dir);
  } finally {
    await lock.release();
  }
  logger.info(
    `reused ${artifact.className} ${artifact.hash} from ${source.namespace} ${source.hash} (${source.steps.join('; ')})`,
    { consoleOnly: true },
  );
}

/** Link, marker and state in one durable batch, while the attempt is still ours. */
function recordReuse<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  lock: HeldComputeLock,
  source: ReusableResult,
): boolean {
  const { paths } = artifact;
  const current = runtime.states.read(paths);
  if (lock.lost || current.attempt?.id !== attemptId || !isActive(current.attempt)) return false;
  const now = runtime.clock.now();
  const link = resultLinkContent(
    artifact.dir,
    source.resultDir,
    { namespace: source.namespace, hash: source.hash },
    source.steps,
    now,
  );
  const marker = successMarkerContent(paths, attemptId, now);
  runtime.states.updateLocked(
    paths,
    (state, at) =>
      finishReused(state, attemptId, { namespace: source.namespace, hash: source.hash, steps: source.steps }, at),
    [link, marker],
  );
  return true;
}
