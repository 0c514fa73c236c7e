import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEvents, type GrenEvent } from 'gren-ts';
import type { AttemptStatus } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { statSignature } from '../index/read-small-file';

/** An attempt before the current one, as `.gren/events.jsonl` tells it. */
export interface EarlierAttempt {
  id: string;
  /** 1-based, in the order the attempts started. */
  number: number;
  backend: string | null;
  host: string | null;
  startedAt: string;
  /** Its `attempt_finished` time; else (ended by a reconcile, which logs no event) when the next attempt started. */
  endedAt: string | null;
  /** Its `attempt_finished` status; `crashed` for one that ended without an event. */
  status: AttemptStatus;
}

const FINISHED: ReadonlySet<string> = new Set(['success', 'failed', 'preempted', 'cancelled', 'crashed']);

/**
 * The attempts an artifact had before its current one. events.jsonl is read again only when
 * its size, time or inode changed, so a timeline redrawn while nothing retried costs one
 * stat per experiment.
 */
export class EarlierAttemptsCache {
  private readonly cache = new WeakMap<ArtifactRecord, { signature: string; attempts: EarlierAttempt[] }>();

  of(record: ArtifactRecord, currentId: string | null): EarlierAttempt[] {
    const file = path.join(record.directory, '.gren', 'events.jsonl');
    let signature: string;
    try {
      signature = statSignature(fs.statSync(file));
    } catch {
      return [];
    }
    let cached = this.cache.get(record);
    if (!cached || cached.signature !== signature) {
      let events: GrenEvent[];
      try {
        events = readEvents(file);
      } catch {
        events = [];
      }
      cached = { signature, attempts: attemptsOf(events) };
      this.cache.set(record, cached);
    }
    return cached.attempts.filter((attempt) => attempt.id !== currentId);
  }
}

/** Pairs each `attempt_started` with its `attempt_finished` (by attempt id). */
export function attemptsOf(events: readonly GrenEvent[]): EarlierAttempt[] {
  const attempts: EarlierAttempt[] = [];
  const byId = new Map<string, EarlierAttempt>();
  for (const event of events) {
    const id = typeof event.attempt_id === 'string' ? event.attempt_id : null;
    if (id === null) continue;
    if (event.type === 'attempt_started' && !byId.has(id)) {
      const attempt: EarlierAttempt = {
        id,
        number: attempts.length + 1,
        backend: typeof event.backend === 'string' ? event.backend : null,
        host: typeof event.host === 'string' ? event.host : null,
        startedAt: event.ts,
        endedAt: null,
        status: 'crashed',
      };
      attempts.push(attempt);
      byId.set(id, attempt);
    } else if (event.type === 'attempt_finished') {
      const attempt = byId.get(id);
      if (attempt && typeof event.status === 'string' && FINISHED.has(event.status)) {
        attempt.endedAt = event.ts;
        attempt.status = event.status as AttemptStatus;
      }
    }
  }
  attempts.forEach((attempt, index) => {
    if (attempt.endedAt === null) attempt.endedAt = attempts[index + 1]?.startedAt ?? null;
  });
  return attempts;
}
