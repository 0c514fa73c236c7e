import type { ArtifactRecord, MetadataFacts } from '../index/artifact-record';
import { metadataFacts } from '../index/metadata-facts';
import { artifactKey, summarizeState, timeMs } from 'gren-ts/store';
import { buildState, type StateSpec } from './state-builder';

export interface RecordSpec {
  namespace: string;
  hash: string;
  root?: 'data' | 'git';
  state?: StateSpec;
  /** gren_obj and optional gren_dependencies, as metadata.json would hold them. */
  metadata?: Record<string, unknown> | null;
}

/** An index record built in memory, for the pure functions' tests. */
export function makeRecord(spec: RecordSpec): ArtifactRecord {
  const root = spec.root ?? 'data';
  const state = buildState(spec.state ?? { result: 'success', updatedAt: new Date(Date.UTC(2026, 0, 1)) });
  const summary = summarizeState(spec.namespace, spec.hash, state);
  const metadata: MetadataFacts | null = spec.metadata ? metadataFacts(spec.metadata) : null;
  return {
    key: artifactKey(root, spec.namespace, spec.hash),
    root,
    directory: `/store/${root}/${spec.namespace.split('.').join('/')}/${spec.hash}`,
    namespace: spec.namespace,
    hash: spec.hash,
    summary,
    updatedMs: timeMs(summary.updated_at),
    startedMs: timeMs(summary.started_at),
    stateSignature: null,
    readAt: 0,
    metadata,
  };
}

/** A 20-hex-digit hash from a small number, readable in test output. */
export function hashOf(n: number): string {
  return n.toString(16).padStart(20, '0');
}
