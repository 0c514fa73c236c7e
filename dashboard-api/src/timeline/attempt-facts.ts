import * as fs from 'node:fs';
import type { ArtifactRecord } from '../index/artifact-record';
import { STATE_SUFFIX } from '../index/artifact-reader';

/** The facts of the current attempt the index does not keep (it keeps the list row only). */
export interface AttemptFacts {
  id: string | null;
  endedAt: string | null;
  heartbeatAt: string | null;
  leaseExpiresAt: string | null;
  /** `scheduler.job_id` (a string or a number in state.json). */
  jobId: string | null;
}

const NO_FACTS: AttemptFacts = Object.freeze({
  id: null,
  endedAt: null,
  heartbeatAt: null,
  leaseExpiresAt: null,
  jobId: null,
});

/**
 * Reads them from state.json, once per state signature: a timeline of a thousand attempts
 * reads only the states that changed since it was last drawn.
 */
export class AttemptFactsCache {
  private readonly cache = new WeakMap<ArtifactRecord, { signature: string; facts: AttemptFacts }>();

  of(record: ArtifactRecord): AttemptFacts {
    const signature = record.stateSignature;
    const cached = this.cache.get(record);
    if (cached && signature !== null && cached.signature === signature) return cached.facts;
    const facts = readAttemptFacts(record.directory + STATE_SUFFIX);
    if (signature !== null) this.cache.set(record, { signature, facts });
    return facts;
  }
}

function readAttemptFacts(file: string): AttemptFacts {
  let attempt: unknown;
  try {
    attempt = (JSON.parse(fs.readFileSync(file, 'utf8')) as { attempt?: unknown }).attempt;
  } catch {
    return NO_FACTS;
  }
  if (typeof attempt !== 'object' || attempt === null) return NO_FACTS;
  const fields = attempt as Record<string, unknown>;
  const scheduler = fields.scheduler;
  const jobId =
    typeof scheduler === 'object' && scheduler !== null ? (scheduler as Record<string, unknown>).job_id : undefined;
  return {
    id: text(fields.id),
    endedAt: text(fields.ended_at),
    heartbeatAt: text(fields.heartbeat_at),
    leaseExpiresAt: text(fields.lease_expires_at),
    jobId: typeof jobId === 'string' || typeof jobId === 'number' ? String(jobId) : null,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
