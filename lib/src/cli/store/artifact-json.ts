import { summarizeInvalid, summarizeState } from '../../store/artifact-summary';
import type { ScannedArtifact } from './scan-store';

/**
 * An artifact's listing fields for `--json`: the store model's summary (as the dashboard API
 * lists it), with where it is and its size; `updated_at` falls back to the folder's time
 * (`updated_from` tells which).
 */
export function artifactToJson(artifact: ScannedArtifact): Record<string, unknown> {
  const summary = artifact.state
    ? summarizeState(artifact.namespace, artifact.hash, artifact.state)
    : summarizeInvalid(artifact.namespace, artifact.hash, artifact.invalid?.message ?? 'no state.json');
  const { state_error: _stateError, ...fields } = summary;
  return {
    ...fields,
    root: artifact.root,
    directory: artifact.directory,
    updated_at: artifact.updatedAt,
    updated_from: artifact.updatedFrom,
    size_bytes: artifact.sizeBytes,
    invalid_reason: artifact.invalid?.message ?? null,
  };
}
