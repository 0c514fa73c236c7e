import type { DependencyRef } from 'gren-ts';
import type { ExperimentSummary } from '../contract/api-types';

export type StoreRootName = 'data' | 'git';

/** What the index keeps about one artifact: enough to list, filter, count and link it. */
export interface ArtifactRecord {
  /** `<root>:<namespace>/<hash>`: unique even when data/ and git/ hold the same artifact. */
  readonly key: string;
  readonly root: StoreRootName;
  readonly directory: string;
  readonly namespace: string;
  readonly hash: string;
  summary: ExperimentSummary;
  /** Parsed times for filters and the sort (null when absent or unparsable). */
  updatedMs: number | null;
  startedMs: number | null;
  /** The state.json signature (mtime:size:inode) last read, or null before the first check. */
  stateSignature: string | null;
  /** When state.json was last read (ms since the epoch). */
  readAt: number;
  /** undefined: not read yet; null: there is no (readable) metadata.json. */
  metadata: MetadataFacts | null | undefined;
  /** The current attempt's SLURM ids, read on the first slurm_job_id filter (per state signature). */
  schedulerIds?: { readonly signature: string | null; readonly ids: readonly string[] };
}

/** Facts taken from metadata.json once, so that requests never parse it again. */
export interface MetadataFacts {
  /** `gren_obj` (numbers as numbers; integers beyond 2^53 as bigint), for config_filter. */
  config: Record<string, unknown> | null;
  /** `gren_obj.__class__`, when it is a string. */
  className: string | null;
  /** The TypeScript gren's `gren_dependencies`; null for metadata written by the Python gren. */
  declaredDependencies: DependencyRef[] | null;
  /** A digest of the canonical config, to match Python-written dependencies by equality. */
  configKey: string | null;
  /**
   * Every object with a `__class__` nested in the config (candidates for dependencies);
   * empty when `declaredDependencies` is known (they are used instead).
   */
  nested: NestedClassObject[];
}

/** An object with a `__class__` marker found inside a config. */
export interface NestedClassObject {
  /** Where it sits, written like the TypeScript gren's DependencyRef.field: `a`, `a.b`, `xs[1]`, `m["k"]`. */
  field: string;
  className: string;
  configKey: string;
  /** Index (in the same list) of the nearest enclosing `__class__` object, or -1. */
  parent: number;
}

export function recordKey(root: StoreRootName, namespace: string, hash: string): string {
  return `${root}:${namespace}/${hash}`;
}

export function refKey(namespace: string, hash: string): string {
  return `${namespace}/${hash}`;
}
