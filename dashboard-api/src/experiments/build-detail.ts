import * as fs from 'node:fs';
import { GrenStateError, parseState, readMetadataWithTypeScriptFacts, type Attempt } from 'gren-ts';
import type { ExperimentDetail, StateAttempt } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { METADATA_SUFFIX, STATE_SUFFIX, summarizeInvalid, summarizeState } from 'gren-ts/store';
import type { ReuseFields } from './result-reuse';
import { staleInfoOf } from './stale-info';

/**
 * The detail of an indexed artifact, read from its files now: the summary fields (backend,
 * hostname and user filled), the whole state (its raw JSON when it cannot be validated),
 * metadata.json as written (lossless), the attempt with every field present, and where a
 * reused result lives and who reuses this one's (`reuseOf`). undefined
 * when the artifact vanished since it was indexed.
 */
export function buildDetail(
  record: ArtifactRecord,
  reuseOf: (record: ArtifactRecord) => ReuseFields,
): ExperimentDetail | undefined {
  const detail = readDetail(record);
  return detail && { ...detail, ...reuseOf(record) };
}

type DetailOfFiles = Omit<ExperimentDetail, keyof ReuseFields>;

function readDetail(record: ArtifactRecord): DetailOfFiles | undefined {
  const stateFile = record.directory + STATE_SUFFIX;
  let text: string;
  try {
    text = fs.readFileSync(stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return invalidDetail(record, null, `Cannot read ${stateFile}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return invalidDetail(record, null, GrenStateError.invalidJson(stateFile, error).message);
  }
  try {
    const state = parseState(raw, stateFile);
    const attempt = state.attempt ? fullAttempt(state.attempt) : null;
    return {
      ...summarizeState(record.namespace, record.hash, state),
      directory: record.directory,
      state: { ...state, attempt } as unknown as Record<string, unknown>,
      metadata: readMetadata(record),
      attempt,
      stale_info: staleInfoOf(record),
    };
  } catch (error) {
    const rawObject =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    return invalidDetail(record, rawObject, (error as Error).message);
  }
}

function invalidDetail(record: ArtifactRecord, state: Record<string, unknown> | null, message: string): DetailOfFiles {
  return {
    ...summarizeInvalid(record.namespace, record.hash, message),
    directory: record.directory,
    state,
    metadata: readMetadata(record),
    attempt: null,
    stale_info: staleInfoOf(record),
  };
}

/** metadata.json parsed losslessly, with our facts from metadata-ts.json when it exists; null when missing or unreadable. */
export function readMetadata(record: ArtifactRecord): Record<string, unknown> | null {
  try {
    return readMetadataWithTypeScriptFacts(record.directory + METADATA_SUFFIX) ?? null;
  } catch {
    return null;
  }
}

/** The reference's StateAttempt: ended_at, error and reason present (null) on every attempt. */
function fullAttempt(attempt: Attempt): StateAttempt {
  const ended = attempt as Partial<Record<'ended_at' | 'error' | 'reason', unknown>>;
  return {
    ...attempt,
    ended_at: (ended.ended_at as string | undefined) ?? null,
    error: (ended.error as StateAttempt['error'] | undefined) ?? null,
    reason: (ended.reason as string | undefined) ?? null,
  };
}
