import type { AttemptStatus, ResultStatus } from '../storage/state-types';

export type { AttemptStatus, ResultStatus } from '../storage/state-types';

/** A listed artifact's result: its state's, or `invalid` when state.json cannot be read. */
export type ListedResult = ResultStatus | 'invalid';

/** Every result status of state.json, in the order lists and counts show them. */
export const RESULT_STATUSES: readonly ResultStatus[] = ['success', 'failed', 'incomplete', 'absent'];

/** The result statuses a listing can show: the state's, and `invalid` for an unreadable one. */
export const LISTED_RESULTS: readonly ListedResult[] = [...RESULT_STATUSES, 'invalid'];

/** Every attempt status of state.json. */
export const ATTEMPT_STATUSES: readonly AttemptStatus[] = [
  'queued',
  'running',
  'success',
  'failed',
  'cancelled',
  'preempted',
  'crashed',
];

/** An attempt that is still going on (or waits for its scheduler). */
export const ACTIVE_ATTEMPT_STATUSES: readonly AttemptStatus[] = ['queued', 'running'];
