/**
 * `gren-ts/store`: the store model shared by the `gren` CLI and the dashboard. What counts
 * as an artifact, reading its files, the status vocabulary and summaries, dependencies and
 * how they are matched to artifacts, the log tail, and the JSON writer for outputs.
 */
export * from './store-layout';
export { findArtifacts, isArtifactFolder, type FindArtifactsOptions } from './find-artifacts';
export type { ArtifactRecord } from './artifact-record';
export { readArtifact } from './read-artifact';
export { directorySize } from './directory-size';
export { readState } from '../storage/read-state';
export { parseState } from '../storage/parse-state';
export type { GrenState } from '../storage/state-types';
export { readMetadataRaw, readMetadataWithTypeScriptFacts } from '../storage/read-metadata';
export { readEvents, type GrenEvent } from '../storage/read-events';
export { parsePythonJson as parseStoredJson } from '../serialization/python-json';
export {
  ACTIVE_ATTEMPT_STATUSES,
  ALL_STATUSES,
  ATTEMPT_STATUSES,
  LISTED_RESULTS,
  RESULT_STATUSES,
  type AttemptStatus,
  type ListedResult,
  type ResultStatus,
} from './statuses';
export { isoSeconds, parseIsoTime, timeMs } from './iso-time';
export { summarizeInvalid, summarizeState, type ArtifactSummary } from './artifact-summary';
export { countStatuses, type StatusCount, type StatusCounts } from './status-counts';
export { liveReason, type LivenessFacts } from './attempt-liveness';
export { isForeignSchema, orphanReason } from './orphan-reason';
export { configHash } from './config-identity';
export { nestedConfigs, type NestedConfig } from './nested-configs';
export { allDependencies, directDependencies, type StoredDependency } from './stored-dependencies';
export { DependencyMatcher, type MatchableArtifact, type MatchedBy } from './dependency-matcher';
export { buildDependencyGraph, buildDependents, matcherOf, type Dependent, type GraphEntry } from './dependency-graph';
export { readGraphEntries, readStoreGraph, type StoreGraphEntry } from './read-store-graph';
export { artifactRelations, type ArtifactRelations, type ChildView, type ParentView } from './artifact-relations';
export { readLogTail, type LogTail } from './read-log-tail';
export { MAX_JSON_DEPTH, TOO_DEEP, writeJson } from './write-json';
export { staleArtifact } from './stale-artifact';
export type { FieldChange, StaleMapping, StaleVerdict } from '../migration/stale-config';
export {
  isLinkedResultPresent,
  linkedKeys,
  readLinkedResult,
  readResultLinks,
  reusersOf,
  type LinkedResult,
  type ResultLinkReading,
} from './result-links';
export { summarizeReusedFrom, type ReusedFromSummary } from './reuse-summary';
