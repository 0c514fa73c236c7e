import type { ArtifactRecord } from './artifact-record';

/**
 * Why an artifact is an orphan — a folder nothing can come of — or undefined. An orphan has
 * no successful and no failed result (failures are `--failed`'s business) and is either
 * - unreadable: state.json is corrupt (but not one of a newer schema: see `isForeignSchema`);
 * - empty: the folder has no `.gren/` (a computation that never recorded anything);
 * - absent or incomplete: never finished, invalidated, or its last attempt crashed, was
 *   preempted or cancelled — metadata or not.
 * Whether someone works on it right now is checked separately (see liveReason): gc never
 * removes a live artifact, orphan or not.
 */
export function orphanReason(record: Pick<ArtifactRecord, 'hasInternalDir' | 'state' | 'invalid'>): string | undefined {
  if (record.invalid) return isForeignSchema(record) ? undefined : `unreadable state (${record.invalid.code})`;
  if (!record.hasInternalDir) return 'no .gren folder';
  const state = record.state;
  if (!state) return undefined;
  const result = state.result.status;
  if (result === 'success' || result === 'failed') return undefined;
  const attempt = state.attempt;
  if (!attempt) return `result ${result}, no attempt`;
  return `result ${result}, attempt #${attempt.number} ${attempt.status}${'reason' in attempt && attempt.reason ? ` (${attempt.reason})` : ''}`;
}

/** state.json of another schema version: written by another gren, never deleted by gc. */
export function isForeignSchema(record: Pick<ArtifactRecord, 'invalid'>): boolean {
  return record.invalid?.code === 'STATE_UNSUPPORTED_SCHEMA';
}
