import * as os from 'node:os';
import { isPidAlive } from '../../runtime/pid-alive';
import type { Progress } from '../progress';
import { liveReason, type LivenessFacts } from '../../store/attempt-liveness';
import { buildDependencyGraph } from '../../store/dependency-graph';
import { readGraphEntries } from '../../store/read-store-graph';
import { isForeignSchema, orphanReason } from '../../store/orphan-reason';
import { scanStore, type ScannedArtifact } from '../store/scan-store';
import { gcResultLinks, type GcResultLinks } from './gc-result-links';
import { selectForGc, type GcCriteria, type GcItem, type GcPlan } from './select-for-gc';

export interface PlannedGc {
  readonly artifacts: ReadonlyMap<string, ScannedArtifact>;
  readonly plan: GcPlan;
  readonly facts: LivenessFacts;
  /** What the kept successes' result links read, and the links gc could not follow. */
  readonly links: GcResultLinks;
}

/** Reads the whole store (states, sizes, metadata for dependencies, result links) and decides what gc removes. */
export function planGc(base: string, criteria: GcCriteria, staleAfterSecs: number, progress: Progress): PlannedGc {
  // gc also sees what computations left behind without becoming artifacts.
  const scanned = scanStore(base, progress, undefined, { leftovers: true });
  const facts: LivenessFacts = { nowMs: criteria.nowMs, hostname: os.hostname(), isPidAlive, staleAfterSecs };
  const graph = criteria.keepDeps ? buildDependencyGraph(readGraphEntries(scanned)) : new Map<string, string[]>();
  const links = gcResultLinks(base, scanned);
  const items: GcItem[] = scanned.map((artifact) => ({
    key: artifact.key,
    updatedMs: artifact.updatedMs,
    sizeBytes: artifact.sizeBytes,
    failed: artifact.result === 'failed',
    orphan: orphanReason(artifact),
    live: liveReason(artifact, facts),
    untouchable: isForeignSchema(artifact)
      ? `state.json of another schema version (${artifact.invalid?.message ?? ''})`
      : undefined,
    dependencies: graph.get(artifact.key) ?? [],
    resultLinks: links.targets.get(artifact.key) ?? [],
  }));
  return {
    artifacts: new Map(scanned.map((artifact) => [artifact.key, artifact])),
    plan: selectForGc(items, criteria),
    facts,
    links,
  };
}
