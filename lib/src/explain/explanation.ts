import type { AttemptStatus, ResultStatus } from '../storage/state-types';
import type { FieldDifference } from './field-difference';

/** An artifact of the store: its namespace (dotted), hash and directory. */
export interface ArtifactRef {
  readonly namespace: string;
  readonly hash: string;
  readonly directory: string;
}

/** A result status, or `invalid` when the artifact's state.json cannot be read. */
export type StoredResult = ResultStatus | 'invalid';

/** The latest attempt of an artifact, as much of it as an explanation needs. */
export interface AttemptSummary {
  readonly status: AttemptStatus;
  readonly number: number;
  readonly backend: string;
  readonly host: string | null;
  readonly pid: number | null;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly leaseExpiresAt: string;
  readonly error: { type: string; message: string } | null;
  readonly reason: string | null;
}

/** A stored config compared with the explained one. */
export interface NearestArtifact extends ArtifactRef {
  readonly result: StoredResult;
  readonly updatedAt: string | null;
  /** True when the stored config was rebuilt with its classes (exact), false when read from the stored text. */
  readonly exact: boolean;
  /** old = the stored config, new = the explained one. */
  readonly differences: readonly FieldDifference[];
}

/**
 * Why `loadOrCreate()` would load or compute a config:
 * - `cached`: a successful result is stored (loaded unless `_validate()` rejects it);
 * - `stored`: the artifact exists without a successful result (failed, running, crashed, invalidated);
 * - `missing`: this config was never computed in the store; `nearest` lists the stored configs
 *   of the same namespace with the fewest differing fields.
 */
export interface Explanation extends ArtifactRef {
  readonly status: 'cached' | 'stored' | 'missing';
  readonly storePath: string;
  readonly result: StoredResult | null;
  readonly attempt: AttemptSummary | null;
  readonly updatedAt: string | null;
  /** Why the state could not be read (result `invalid`). */
  readonly stateError: string | null;
  /** What loadOrCreate will do, in one or two sentences. */
  readonly summary: string;
  /** How many stored configs of the namespace were compared (for `missing`). */
  readonly compared: number;
  /** Artifacts of the namespace that could not be compared (no or unreadable metadata). */
  readonly notComparable: number;
  readonly nearest: readonly NearestArtifact[];
}

export interface ExplainOptions {
  /** At most this many nearest artifacts (all tied at the fewest differences; default 3). */
  limit?: number;
}
