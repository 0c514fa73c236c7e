import * as fs from 'node:fs';
import type { ArtifactRecord } from './artifact-record';
import { STATE_SUFFIX } from './artifact-reader';

/**
 * The ids the current attempt is known by to SLURM: its `scheduler.job_id` (`1234`, or
 * `1234_5` for an array task) and, for an array task, `scheduler.array_job_id`. The index's
 * fast reader does not keep the scheduler facts, so they are read from state.json when a
 * slurm_job_id filter first needs them, and kept while the state signature stays the same.
 */
export function schedulerJobIds(record: ArtifactRecord): readonly string[] {
  if (record.schedulerIds && record.schedulerIds.signature === record.stateSignature && record.stateSignature !== null)
    return record.schedulerIds.ids;
  const ids = readIds(record.directory + STATE_SUFFIX);
  record.schedulerIds = { signature: record.stateSignature, ids };
  return ids;
}

function readIds(file: string): string[] {
  let scheduler: unknown;
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { attempt?: { scheduler?: unknown } | null };
    scheduler = state.attempt?.scheduler;
  } catch {
    return [];
  }
  if (typeof scheduler !== 'object' || scheduler === null) return [];
  const facts = scheduler as Record<string, unknown>;
  return [facts.job_id, facts.array_job_id]
    .filter((id) => typeof id === 'string' || typeof id === 'number')
    .map(String);
}
