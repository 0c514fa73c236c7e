import type { Timeline, TimelineAttempt } from '../contract/insight-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { timeMs } from 'gren-ts/store';
import type { AttemptFacts } from './attempt-facts';
import type { EarlierAttempt } from './earlier-attempts';

/**
 * The attempts of `limit` of `records` (already filtered, in list order: most recently
 * updated first) that have one, after skipping the first `offset` of those, as the list pages:
 * the current attempt (from state.json) and those before it (from events.jsonl). `total`
 * counts every record with an attempt. A running attempt whose lease expired before `nowMs` is
 * `stale`: nothing renewed it, so its process is stuck or gone.
 */
export function buildTimeline(
  records: Iterable<ArtifactRecord>,
  factsOf: (record: ArtifactRecord) => AttemptFacts,
  earlierOf: (record: ArtifactRecord, currentId: string | null) => readonly EarlierAttempt[],
  page: { offset: number; limit: number },
  nowMs: number,
): Timeline {
  const attempts: TimelineAttempt[] = [];
  let total = 0;
  for (const record of records) {
    const row = record.summary;
    if (row.attempt_status === null || row.started_at === null || row.attempt_number === null) continue;
    total += 1;
    if (total <= page.offset || total > page.offset + page.limit) continue;
    const facts = factsOf(record);
    const earlier = earlierOf(record, facts.id);
    earlier.forEach((attempt, index) => {
      attempts.push({
        namespace: row.namespace,
        gren_hash: row.gren_hash,
        class_name: row.class_name,
        result_status: row.result_status,
        attempt_number: Math.max(1, (row.attempt_number ?? 1) - earlier.length + index),
        attempt_status: attempt.status,
        backend: attempt.backend ?? 'local',
        hostname: attempt.host,
        user: null,
        started_at: attempt.startedAt,
        ended_at: attempt.endedAt,
        heartbeat_at: null,
        lease_expires_at: null,
        job_id: null,
        stale: false,
        current: false,
      });
    });
    const leaseMs = timeMs(facts.leaseExpiresAt);
    attempts.push({
      namespace: row.namespace,
      gren_hash: row.gren_hash,
      class_name: row.class_name,
      result_status: row.result_status,
      attempt_number: row.attempt_number,
      attempt_status: row.attempt_status,
      backend: row.backend ?? 'local',
      hostname: row.hostname,
      user: row.user,
      started_at: row.started_at,
      ended_at: facts.endedAt,
      heartbeat_at: facts.heartbeatAt,
      lease_expires_at: facts.leaseExpiresAt,
      job_id: facts.jobId,
      stale: row.attempt_status === 'running' && leaseMs !== null && leaseMs < nowMs,
      current: true,
    });
  }
  return { attempts, total, now: new Date(nowMs).toISOString() };
}
