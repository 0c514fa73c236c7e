import { GrenStateError, parseState } from 'gren-ts';
import type { MetadataFacts } from './artifact-record';
import { metadataFacts } from './metadata-facts';
import { SmallFileReader } from './read-small-file';
import { fastStateFacts } from './fast-state-facts';
import {
  METADATA_SUFFIX,
  STATE_SUFFIX,
  className,
  parseStoredJson,
  summarizeInvalid,
  summarizeState,
  timeMs,
} from 'gren-ts/store';
import type { ExperimentSummary } from '../contract/api-types';

export interface StateFacts {
  summary: ExperimentSummary;
  updatedMs: number | null;
  startedMs: number | null;
}

export { METADATA_SUFFIX, STATE_SUFFIX };

/** Reads one artifact's state.json and metadata.json into index facts. */
export class ArtifactReader {
  private readonly files = new SmallFileReader();

  /** undefined when there is no state.json (the folder is not, or no longer, an artifact). */
  readState(
    directory: string,
    namespace: string,
    hash: string,
    withSignature = false,
  ): (StateFacts & { signature: string | null }) | undefined {
    const file = directory + STATE_SUFFIX;
    let read: { text: string; signature: string | null } | undefined;
    try {
      read = this.files.read(file, withSignature);
    } catch (error) {
      return { ...unreadableStateFacts(namespace, hash, file, (error as Error).message), signature: null };
    }
    if (read === undefined) return undefined;
    return { ...stateFacts(namespace, hash, read.text, file), signature: read.signature };
  }

  /** null when there is no metadata.json or it cannot be used. */
  readMetadata(directory: string): MetadataFacts | null {
    const file = directory + METADATA_SUFFIX;
    try {
      const read = this.files.read(file);
      if (read === undefined) return null;
      return metadataFromText(read.text, file);
    } catch {
      return null;
    }
  }
}

/**
 * Facts of metadata.json text (read from `file`); null when it cannot be used. Parsed
 * losslessly: the store model's config equality tells `1.0` from `1`, as the hash does.
 */
export function metadataFromText(text: string, _file: string): MetadataFacts | null {
  try {
    const parsed: unknown = parseStoredJson(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return metadataFacts(parsed as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** The row of a state.json that exists but cannot be read. */
export function unreadableStateFacts(namespace: string, hash: string, file: string, message: string): StateFacts {
  return invalid(namespace, hash, `Cannot read ${file}: ${message}`);
}

/**
 * Facts of state.json text; a corrupt or newer-schema file gives an "invalid" row. The
 * layout gren writes is read by the fast reader; anything else by the strict one.
 */
export function stateFacts(
  namespace: string,
  hash: string,
  text: string,
  file: string,
  classNameOfNamespace: string = className(namespace),
): StateFacts {
  return fastStateFacts(text, namespace, hash, classNameOfNamespace) ?? strictStateFacts(namespace, hash, text, file);
}

/** Facts of state.json text through JSON.parse and the library's strict validation. */
export function strictStateFacts(namespace: string, hash: string, text: string, file: string): StateFacts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return invalid(namespace, hash, GrenStateError.invalidJson(file, error).message);
  }
  try {
    const state = parseState(data, file);
    const summary = summarizeState(namespace, hash, state);
    return { summary, updatedMs: timeMs(summary.updated_at), startedMs: timeMs(summary.started_at) };
  } catch (error) {
    return invalid(namespace, hash, (error as Error).message);
  }
}

function invalid(namespace: string, hash: string, message: string): StateFacts {
  return { summary: summarizeInvalid(namespace, hash, message), updatedMs: null, startedMs: null };
}
