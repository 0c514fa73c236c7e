import type { AttemptStatus, InvalidStatus, ResultStatus } from '@contract/api-types';

export const RESULT_STATUSES: readonly (ResultStatus | InvalidStatus)[] = [
  'success',
  'failed',
  'incomplete',
  'absent',
  'invalid',
];

export const ATTEMPT_STATUSES: readonly AttemptStatus[] = [
  'running',
  'queued',
  'success',
  'failed',
  'crashed',
  'cancelled',
  'preempted',
];

export const BACKENDS: readonly string[] = ['local', 'process', 'slurm', 'submitit'];
