import type { StoreRoot, StoredDependency } from 'gren-ts/store';
import type { ExperimentSummary } from '../contract/api-types';

/** What the index keeps about one artifact: enough to list, filter, count and link it. */
export interface ArtifactRecord {
  /** artifactKey: `<root>:<namespace>/<hash>`, unique even when data/ and git/ hold the same artifact. */
  readonly key: string;
  readonly root: StoreRoot;
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
  /** The store model's configHash of `gren_obj`: how a dependency finds this artifact when its folder hash differs. */
  configHash: string | null;
  /** The store model's direct dependencies (declared, else the outermost nested configs with their hashes). */
  dependencies: readonly StoredDependency[];
}
