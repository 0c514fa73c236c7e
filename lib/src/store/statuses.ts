import { ATTEMPT_STATUSES, RESULT_STATUSES, type AttemptStatus, type ResultStatus } from '../storage/state-types';

export { ATTEMPT_STATUSES, RESULT_STATUSES, type AttemptStatus, type ResultStatus } from '../storage/state-types';

/** A listed artifact's result: its state's, or `invalid` when state.json cannot be read. */
export type ListedResult = ResultStatus | 'invalid';

/** The result statuses a listing can show: the state's, and `invalid` for an unreadable one. */
export const LISTED_RESULTS: readonly ListedResult[] = [...RESULT_STATUSES, 'invalid'];

/** An attempt that is still going on (or waits for its scheduler). */
export const ACTIVE_ATTEMPT_STATUSES: readonly AttemptStatus[] = ['queued', 'running'];

/** Every status word of the store (results, `invalid`, attempts), each once. */
export const ALL_STATUSES: readonly string[] = [...new Set<string>([...LISTED_RESULTS, ...ATTEMPT_STATUSES])];
