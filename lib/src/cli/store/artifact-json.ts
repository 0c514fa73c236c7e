import type { ScannedArtifact } from './scan-store';

/** An artifact's listing fields for `--json` (snake_case, as state.json and the dashboard API). */
export function artifactToJson(artifact: ScannedArtifact): Record<string, unknown> {
  const attempt = artifact.state?.attempt ?? null;
  return {
    namespace: artifact.namespace,
    gren_hash: artifact.hash,
    class_name: artifact.namespace.slice(artifact.namespace.lastIndexOf('.') + 1),
    root: artifact.root,
    directory: artifact.directory,
    result_status: artifact.result,
    attempt_status: attempt?.status ?? null,
    attempt_number: attempt?.number ?? null,
    backend: attempt?.backend ?? null,
    updated_at: artifact.updatedAt,
    updated_from: artifact.updatedFrom,
    size_bytes: artifact.sizeBytes,
    invalid_reason: artifact.invalid?.message ?? null,
  };
}
