/**
 * The JSON shapes of the dashboard API. Field names are snake_case so that clients of the
 * Python gren dashboard work unchanged. The SPA imports this file with
 * `import type` only, so nothing here may have a runtime value.
 *
 * Additions to the reference are marked "new".
 */

export type ResultStatus = 'absent' | 'incomplete' | 'success' | 'failed';
/** new: an artifact whose state.json cannot be read is listed with this result status. */
export type InvalidStatus = 'invalid';
export type AttemptStatus = 'queued' | 'running' | 'success' | 'failed' | 'cancelled' | 'preempted' | 'crashed';

export interface HealthCheck {
  status: 'healthy' | 'degraded';
  /** The real package version (the reference hard-coded 0.1.0). */
  version: string;
  /** new: number of artifacts in the index. */
  experiments: number;
  /** new: artifacts whose state.json is corrupt or of a newer schema. */
  invalid_artifacts: number;
}

export interface ExperimentSummary {
  namespace: string;
  gren_hash: string;
  class_name: string;
  result_status: ResultStatus | InvalidStatus;
  attempt_status: AttemptStatus | null;
  attempt_number: number | null;
  updated_at: string | null;
  started_at: string | null;
  backend: string | null;
  hostname: string | null;
  user: string | null;
  /** new: why the state could not be read (only when result_status is "invalid"). */
  state_error?: string | null;
  /** new: true when the stored config no longer fits its class (see ExperimentDetail.stale_info); absent otherwise. */
  stale?: boolean;
}

export interface ExperimentList {
  experiments: ExperimentSummary[];
  total: number;
}

export interface StateOwner {
  pid: number | null;
  host: string | null;
  hostname: string | null;
  user: string | null;
  command: string | null;
  timestamp: string | null;
  python_version: string | null;
  executable: string | null;
  platform: string | null;
}

export interface AttemptError {
  type: string;
  message: string;
  traceback: string | null;
}

export interface StateAttempt {
  id: string;
  number: number;
  backend: string;
  status: AttemptStatus;
  started_at: string;
  heartbeat_at: string;
  lease_duration_sec: number;
  lease_expires_at: string;
  owner: StateOwner;
  scheduler: Record<string, unknown>;
  ended_at: string | null;
  error: AttemptError | null;
  reason: string | null;
}

export interface ExperimentDetail extends ExperimentSummary {
  directory: string;
  state: Record<string, unknown> | null;
  metadata: Record<string, unknown> | null;
  attempt: StateAttempt | null;
  /**
   * new: how the stored config differs from its class as declared now (the classes of the
   * modules given to `--module`), and the declared migration that maps it; null when it fits
   * or no loaded class owns its namespace.
   */
  stale_info: StaleInfo | null;
  /**
   * new: where this artifact's result lives when a declared migration let it reuse an earlier
   * identity's success (its `.gren/result-link.json`); null when it holds its own result.
   */
  reused_from: ReusedFrom | null;
  /** new: why its result link cannot be followed (unreadable or malformed); null otherwise. */
  result_link_error: string | null;
  /** new: the successful artifacts whose result link reads this one's result. */
  reused_by: ReusedBy[];
}

/** new: an artifact's reused result (see ExperimentDetail.reused_from). */
export interface ReusedFrom {
  /** The earlier identity whose success was reused. */
  namespace: string;
  gren_hash: string;
  directory: string;
  /** That artifact's result now; null when it is gone. */
  result_status: string | null;
  /** The declared migration steps that map it to this identity, as `Class: step`. */
  steps: readonly string[];
  linked_at: string | null;
  /** The folder holding the data: the reused artifact's own, or the one it links to in turn. */
  result_directory: string;
  /** false when that folder is gone: the next loadOrCreate computes again. */
  result_present: boolean;
}

/** new: an artifact that reuses another's result (see ExperimentDetail.reused_by). */
export interface ReusedBy {
  namespace: string;
  gren_hash: string;
  result_status: string;
}

/** new: one difference of a stale config (nested fields by path: `child.field`, `models[1].field`, `byName.small.field`). */
export interface StaleChange {
  kind: 'missing' | 'extra' | 'renamed' | 'moved';
  field: string;
  /** renamed: the field's name now. */
  to?: string;
  /** moved: the namespace it was stored under. */
  from?: string;
  /** extra: the stored value. */
  value?: unknown;
}

/** new: a stored config that no longer fits its class. */
export interface StaleInfo {
  class_name: string | null;
  changes: StaleChange[];
  /** Where the declared migrations map it (null when none does: see unmapped_reason). */
  mapping: { namespace: string; gren_hash: string; steps: string[] } | null;
  unmapped_reason: string | null;
}

export interface StatusCount {
  status: string;
  count: number;
}

export interface DashboardStats {
  total: number;
  by_result_status: StatusCount[];
  by_attempt_status: StatusCount[];
  running_count: number;
  queued_count: number;
  failed_count: number;
  success_count: number;
}

export interface DAGExperiment {
  namespace: string;
  gren_hash: string;
  result_status: string;
  attempt_status: string | null;
}

export interface DAGNode {
  id: string;
  class_name: string;
  full_class_name: string;
  /** Most recently updated first; changed: at most 1000 (the counts below cover all). */
  experiments: DAGExperiment[];
  total_count: number;
  success_count: number;
  failed_count: number;
  running_count: number;
  /**
   * The module that defines the class: the namespace without its last part
   * (`refstore.pipelines` for `refstore.pipelines.Train`), null for a one-part namespace. The
   * store records no inheritance; this lets clients group classes. Not a node id.
   */
  parent_class: string | null;
}

/** `source` (a dependency class) → `target` (the class depending on it); list indices are dropped from `field_name` (`members[]`). */
export interface DAGEdge {
  source: string;
  target: string;
  field_name: string;
}

export interface ExperimentDAG {
  nodes: DAGNode[];
  edges: DAGEdge[];
  total_nodes: number;
  total_edges: number;
  total_experiments: number;
}

export interface ParentExperiment {
  field_name: string;
  class_name: string;
  full_class_name: string;
  namespace: string | null;
  gren_hash: string | null;
  result_status: string | null;
  config: Record<string, unknown> | null;
}

export interface ChildExperiment {
  field_name: string;
  class_name: string;
  full_class_name: string;
  namespace: string;
  gren_hash: string;
  result_status: string;
}

export interface ExperimentRelationships {
  parents: ParentExperiment[];
  children: ChildExperiment[];
}

/** new: GET /api/experiments/{namespace}/{hash}/logs?tail=N (default 200, 1..10000). */
export interface ExperimentLog {
  namespace: string;
  gren_hash: string;
  /** false when the artifact has no .gren/gren.log yet. */
  exists: boolean;
  size_bytes: number;
  /** The last `tail` lines, oldest first. */
  lines: string[];
  /** true when the log has more lines than were returned. */
  truncated: boolean;
}

/**
 * new: GET /api/changes → the index version, bumped whenever an artifact appears, changes
 * or disappears. GET /api/changes/stream is a server-sent-events stream that sends
 * `event: change` with this object as data each time the version moves (and once on
 * connect), so clients refresh only when something changed.
 */
export interface ChangeVersion {
  version: number;
}

/** Errors: 404 {"detail": "Experiment not found"} or {"detail": "Not found"}; 422 {"detail": "<message naming the parameter>"}. */
export interface ApiErrorBody {
  detail: string;
}
