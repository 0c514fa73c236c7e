import { GrenWaitTimeout } from '../errors/wait-timeout';
import type { GrenObject } from '../model/gren-object';
import { ensureDirectory } from '../storage/ensure-directory';
import { acquireAttempt } from './acquire-attempt';
import { artifactOf } from './artifact';
import type { GrenRuntime } from './gren-runtime';
import type { ReusableResult } from './reusable-result';
import { reuseFrom } from './reuse-attempt';

/** What became of one link: made now, there already (a success), or skipped while another process works on it. */
export type LinkOutcome = 'linked' | 'present' | 'busy';

/**
 * Makes `object`'s identity reuse `source` ahead of any loadOrCreate (what `gren migrate`
 * applies), through the same compute-lock protocol: idempotent, so a run interrupted
 * halfway is finished by running it again.
 */
export async function linkEarlierResult(
  runtime: GrenRuntime,
  object: GrenObject,
  source: ReusableResult,
): Promise<LinkOutcome> {
  const artifact = artifactOf(object);
  ensureDirectory(artifact.paths.internalDir);
  let acquired;
  try {
    acquired = await acquireAttempt(runtime, artifact, { backend: 'migrate', maxWaitSec: 0 });
  } catch (error) {
    if (error instanceof GrenWaitTimeout) return 'busy';
    throw error;
  }
  switch (acquired.kind) {
    case 'succeeded':
      return 'present';
    case 'failed':
    case 'cancelled':
      return 'busy';
    case 'acquired':
      await reuseFrom(runtime, artifact, acquired.attemptId, acquired.lock, source);
      return 'linked';
  }
}
