import type {
  DashboardStats,
  ExperimentDetail,
  ExperimentSummary,
  StateAttempt,
} from '@contract/api-types';

/** Shapes modelled on the Python reference store (spec/fixtures/python/python-store). Test support only. */
export function summary(overrides: Partial<ExperimentSummary> = {}): ExperimentSummary {
  return {
    namespace: 'refstore.pipelines.Leaf',
    gren_hash: 'a65a03d18cb6d9070e55',
    class_name: 'Leaf',
    result_status: 'success',
    attempt_status: 'success',
    attempt_number: 1,
    updated_at: '2026-11-26T04:21:00+00:00',
    started_at: '2026-11-26T04:21:00+00:00',
    backend: 'local',
    hostname: 'vm',
    user: 'root',
    ...overrides,
  };
}

export function attempt(overrides: Partial<StateAttempt> = {}): StateAttempt {
  return {
    id: 'fb088868cd114457ab76f5ffa4a105bc',
    number: 1,
    backend: 'local',
    status: 'success',
    started_at: '2026-11-26T04:21:00+00:00',
    heartbeat_at: '2026-11-26T04:21:00+00:00',
    lease_duration_sec: 120,
    lease_expires_at: '2026-11-26T04:23:00+00:00',
    owner: {
      pid: 25160,
      host: 'vm',
      hostname: 'vm',
      user: 'root',
      command: 'make_store.py',
      timestamp: null,
      python_version: null,
      executable: null,
      platform: null,
    },
    scheduler: {},
    ended_at: '2026-11-26T04:21:00+00:00',
    error: null,
    reason: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<ExperimentDetail> = {}): ExperimentDetail {
  const base = summary();
  return {
    ...base,
    directory: '/home/researcher/gren-store/data/refstore/pipelines/Leaf/a65a03d18cb6d9070e55',
    state: { schema_version: 1, result: { status: 'success' } },
    metadata: {
      gren_obj: { __class__: 'refstore.pipelines.Leaf', value: 3, name: 'deep-leaf' },
      gren_python_def: "refstore.pipelines.Leaf(value=3, name='deep-leaf')",
      git_commit: '6210b3ad4725af7e5dcb423a3d2fa22d080d5cb3',
      git_branch: 'master',
      hostname: 'vm',
      user: 'root',
    },
    attempt: attempt(),
    stale_info: null,
    reused_from: null,
    result_link_error: null,
    reused_by: [],
    ...overrides,
  };
}

export function stats(overrides: Partial<DashboardStats> = {}): DashboardStats {
  return {
    total: 15,
    by_result_status: [
      { status: 'failed', count: 1 },
      { status: 'success', count: 14 },
    ],
    by_attempt_status: [
      { status: 'failed', count: 1 },
      { status: 'success', count: 14 },
    ],
    running_count: 0,
    queued_count: 0,
    failed_count: 1,
    success_count: 14,
    ...overrides,
  };
}
