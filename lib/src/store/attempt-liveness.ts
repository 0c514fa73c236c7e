import { parseIsoTime } from '../storage/iso-time';
import type { ArtifactRecord } from './artifact-record';

export interface LivenessFacts {
  readonly nowMs: number;
  readonly hostname: string;
  isPidAlive(pid: number): boolean;
  /** GREN_STALE_AFTER_SECS: how long a queued job may wait for its scheduler. */
  readonly staleAfterSecs: number;
}

/**
 * Why an artifact must be treated as being worked on right now, or undefined when nothing
 * works on it. Deliberately more cautious than reconcile: a compute lock of any age counts
 * (whoever left it must be checked by a person); a running attempt counts while its lease
 * runs or while its pid lives on this host; a queued one while its lease runs or for
 * GREN_STALE_AFTER_SECS after submission (a scheduler may hold it that long).
 */
export function liveReason(
  record: Pick<ArtifactRecord, 'state' | 'computeLock'>,
  facts: LivenessFacts,
): string | undefined {
  if (record.computeLock) return 'compute lock present (.gren/.compute.lock)';
  const attempt = record.state?.attempt;
  if (!attempt || (attempt.status !== 'queued' && attempt.status !== 'running')) return undefined;
  const leaseEnd = parseIsoTime(attempt.lease_expires_at);
  if (!Number.isNaN(leaseEnd) && leaseEnd > facts.nowMs)
    return `attempt #${attempt.number} ${attempt.status}, lease until ${attempt.lease_expires_at}`;
  const host = attempt.owner.host ?? attempt.owner.hostname;
  const pid = attempt.owner.pid;
  if (attempt.status === 'running' && host === facts.hostname && pid !== null && facts.isPidAlive(pid)) {
    return `attempt #${attempt.number} running, pid ${pid} alive on this host`;
  }
  if (attempt.status === 'queued') {
    const started = parseIsoTime(attempt.started_at);
    if (Number.isNaN(started) || facts.nowMs - started < facts.staleAfterSecs * 1000)
      return `attempt #${attempt.number} queued since ${attempt.started_at}`;
  }
  return undefined;
}
