/** The colour families of the status badges. */
export type StatusTone =
  'success' | 'failed' | 'running' | 'queued' | 'pending' | 'muted' | 'invalid';

const TONES: ReadonlyMap<string, StatusTone> = new Map(
  Object.entries({
    success: 'success',
    failed: 'failed',
    crashed: 'failed',
    running: 'running',
    queued: 'queued',
    incomplete: 'pending',
    preempted: 'pending',
    cancelled: 'muted',
    absent: 'muted',
    invalid: 'invalid',
  } satisfies Record<string, StatusTone>),
);

export function statusTone(status: string | null | undefined): StatusTone {
  return (status && TONES.get(status)) || 'muted';
}

/** The CSS classes of a badge for a result or attempt status. */
export function statusBadgeClass(status: string | null | undefined): string {
  return `badge badge--${statusTone(status)}`;
}
