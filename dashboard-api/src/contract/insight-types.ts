/**
 * new: the JSON shapes of the views that help understand a store: the timeline of attempts, an
 * artifact's files, what an experiment depends on and what uses it, and its nearest stored
 * configs. Like api-types.ts, the SPA imports this file with `import type` only.
 */
import type { AttemptStatus, InvalidStatus, ResultStatus } from './api-types';

/**
 * GET /api/timeline (the list's filters, limit 1..1000 experiments): the attempts of each
 * matching experiment, the current one (state.json) and earlier ones (events.jsonl).
 */
export interface Timeline {
  attempts: TimelineAttempt[];
  /** Matching experiments that have an attempt (before the limit). */
  total: number;
  /** The server's clock when answering: running bars end here. */
  now: string;
}

export interface TimelineAttempt {
  namespace: string;
  gren_hash: string;
  class_name: string;
  result_status: ResultStatus | InvalidStatus;
  attempt_number: number;
  attempt_status: AttemptStatus;
  backend: string;
  hostname: string | null;
  user: string | null;
  started_at: string;
  /** null while the attempt is queued or running. */
  ended_at: string | null;
  heartbeat_at: string | null;
  lease_expires_at: string | null;
  /** `scheduler.job_id`: a SLURM job (`1234`, or `1234_5` for an array task), a pool worker's process id; null when none. */
  job_id: string | null;
  /** A running attempt whose lease expired: its process stopped renewing it (stuck or dead). */
  stale: boolean;
  /**
   * false for an attempt before the current one, known from events.jsonl only: its end is
   * its `attempt_finished` time or, when a reconcile ended it (no event, status `crashed`),
   * the next attempt's start; it has no heartbeat, lease or job id.
   */
  current: boolean;
}

/** What the file viewer can show; `other` is listed only. */
export type ArtifactFileKind = 'text' | 'json' | 'jsonl' | 'csv' | 'png' | 'jpeg' | 'svg' | 'other';

/** GET /api/experiments/{namespace}/{hash}/files: the files the computation wrote (not `.gren/`). */
export interface ArtifactFileList {
  namespace: string;
  gren_hash: string;
  files: ArtifactFile[];
  /** More files exist than were listed. */
  truncated: boolean;
}

export interface ArtifactFile {
  /** Relative to the artifact directory, `/`-separated. */
  path: string;
  size_bytes: number;
  modified_at: string;
  kind: ArtifactFileKind;
  /** Within the viewer's size cap for its kind (text kinds 2 MiB, images 10 MiB). */
  viewable: boolean;
}

/** GET .../files/text?path=: a text, JSON, JSONL or CSV file's content (images: .../files/image?path=). */
export interface ArtifactFileText {
  path: string;
  kind: 'text' | 'json' | 'jsonl' | 'csv';
  size_bytes: number;
  modified_at: string;
  text: string;
}

/** GET /api/experiments/{namespace}/{hash}/lineage: everything it depends on, and everything using it, transitively. */
export interface ExperimentLineage {
  upstream: LineageSide;
  downstream: LineageSide;
}

export interface LineageSide {
  /** Every experiment on this side (nearest first), at most 1000. */
  experiments: LineageExperiment[];
  total: number;
  by_class: LineageClassCount[];
}

export interface LineageExperiment {
  namespace: string;
  gren_hash: string;
  class_name: string;
  result_status: string;
  /** 1: a direct dependency (or dependent), 2: one of theirs, ... */
  depth: number;
}

export interface LineageClassCount {
  namespace: string;
  class_name: string;
  count: number;
}

/** GET /api/experiments/{namespace}/{hash}/similar?limit=N: the nearest stored configs of the same class. */
export interface SimilarExperiments {
  namespace: string;
  gren_hash: string;
  /** false when this experiment has no readable config (no metadata.json yet): nothing could be compared. */
  comparable: boolean;
  /** Stored configs of the class compared with this one. */
  compared: number;
  /** Artifacts of the class without a readable config. */
  not_comparable: number;
  nearest: SimilarExperiment[];
}

export interface SimilarExperiment {
  namespace: string;
  gren_hash: string;
  result_status: string;
  updated_at: string | null;
  differences: ConfigDifference[];
}

/** A field that differs, compared as `gren explain` does (as the values are hashed). */
export interface ConfigDifference {
  /** `lr`, `dataset.name`, `stages[1].k`. */
  path: string;
  change: 'changed' | 'added' | 'removed';
  /** The value in the similar experiment's config (absent when `added`). */
  other?: unknown;
  /** The value in this experiment's config (absent when `removed`). */
  this?: unknown;
}
