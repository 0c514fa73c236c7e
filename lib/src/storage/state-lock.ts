import * as fs from 'node:fs';
import * as lockfile from 'proper-lockfile';
import { GrenStateError } from '../errors/state-error';
import type { ArtifactPaths } from './artifact-paths';

/** A state lock older than this (not refreshed by a live holder) is taken over. */
const STALE_MS = 10_000;
const GIVE_UP_MS = 30_000;

/**
 * Runs `fn` while holding the artifact's `.gren/.state.lock` (proper-lockfile: an atomic
 * mkdir whose mtime a live holder keeps fresh, so only dead holders are broken — R2).
 * Every read-modify-write of state.json, and taking the compute lock together with
 * recording the attempt, happens inside it.
 */
export async function withStateLock<R>(paths: ArtifactPaths, fn: () => R | Promise<R>): Promise<R> {
  fs.mkdirSync(paths.internalDir, { recursive: true });
  const started = Date.now();
  let release: (() => Promise<void>) | undefined;
  while (!release) {
    try {
      release = await lockfile.lock(paths.stateLock, {
        lockfilePath: paths.stateLock,
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw GrenStateError.writeFailed(paths.stateLock, error);
      if (Date.now() - started > GIVE_UP_MS) throw GrenStateError.lockTimeout(paths.stateLock, (Date.now() - started) / 1000);
      await sleep(5 + Math.random() * 20);
    }
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
