import * as fs from 'node:fs';
import type { Progress } from '../progress';
import { liveReason } from '../../store/attempt-liveness';
import { readArtifact } from '../../store/read-artifact';
import { artifactRef } from '../../store/store-layout';
import type { ScannedArtifact } from '../store/scan-store';
import type { PlannedGc } from './plan-gc';
import { removalOrder } from './removal-order';
import { moveToTrash, newTrashRun } from './trash';

export interface GcExecution {
  readonly removed: readonly ScannedArtifact[];
  readonly failures: readonly { artifact: ScannedArtifact; why: string }[];
  readonly freedBytes: number;
}

/**
 * Removes what the plan selected: each artifact is moved into a fresh `.trash/<run>` folder
 * (re-checked under its state lock first: skipped when it became live or changed since the
 * scan), then the run's trash folder is deleted. An artifact whose result a selected
 * artifact's link reads goes after that one, and stays when that one could not be removed.
 * A crash leaves whole artifacts in .trash, which the next gc empties first.
 */
export function executeGc(base: string, planned: PlannedGc, progress: Progress, now: Date = new Date()): GcExecution {
  const runDir = newTrashRun(base, now);
  const removed: ScannedArtifact[] = [];
  const failures: { artifact: ScannedArtifact; why: string }[] = [];
  const { order, linkersOf } = removalOrder(
    planned.plan.remove.map((entry) => entry.key),
    planned.links.targets,
  );
  const removedKeys = new Set<string>();
  progress.start(order.length, 'removing');
  for (const key of order) {
    const artifact = planned.artifacts.get(key)!;
    const linker = linkersOf.get(key)?.find((linkerKey) => !removedKeys.has(linkerKey));
    const outcome = linker
      ? {
          moved: false as const,
          why: `kept: result linked from ${refOf(planned.artifacts.get(linker)!)}, which was not removed`,
        }
      : moveToTrash(artifact, runDir, () => stillRemovable(artifact, planned));
    if (outcome.moved) {
      removed.push(artifact);
      removedKeys.add(key);
    } else failures.push({ artifact, why: outcome.why });
    progress.tick();
  }
  progress.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
  return { removed, failures, freedBytes: removed.reduce((sum, artifact) => sum + artifact.sizeBytes, 0) };
}

function refOf(artifact: ScannedArtifact): string {
  return artifactRef(artifact.namespace, artifact.hash);
}

function stillRemovable(scanned: ScannedArtifact, planned: PlannedGc): string | undefined {
  const now = readArtifact(scanned);
  const live = liveReason(now, { ...planned.facts, nowMs: Date.now() });
  if (live !== undefined) return `became live: ${live}`;
  if (now.result !== scanned.result || now.updatedMs !== scanned.updatedMs)
    return `changed since the scan (result ${scanned.result} → ${now.result})`;
  return undefined;
}
