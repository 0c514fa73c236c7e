import { stringifyPythonJson } from '../../serialization/python-json';
import { summarizeReusedFrom } from '../../store/reuse-summary';
import { artifactRef } from '../../store/store-layout';
import type { ArtifactDetails } from '../store/artifact-details';
import { artifactToJson } from '../store/artifact-json';
import { displayTime } from './display-time';
import { humanSize } from './human-size';

const METADATA_KEYS = [
  'gren_python_def',
  'gren_ts_def',
  'gren_ts_module',
  'git_commit',
  'git_branch',
  'git_remote',
  'hostname',
  'user',
  'pid',
  'command',
  'timestamp',
  'python_version',
  'node_version',
  'gren_version',
] as const;

/** `gren show` as text. */
export function formatDetails(details: ArtifactDetails): string {
  const { artifact } = details;
  const state = artifact.state;
  const lines = [`${artifact.namespace}/${artifact.hash}`, `  directory  ${artifact.directory}`];
  if (artifact.invalid) lines.push(`  state      invalid: ${artifact.invalid.message}`);
  if (state) {
    const created = state.result.status === 'success' ? ` (created ${state.result.created_at})` : '';
    lines.push(`  result     ${state.result.status}${created}`);
    lines.push(`  updated    ${state.updated_at ?? '-'}`);
  }
  lines.push(`  size       ${humanSize(artifact.sizeBytes)}`);
  lines.push(`  live       ${details.live ?? 'no'}`);
  lines.push(...reuseLines(details));
  const attempt = state?.attempt;
  lines.push('', 'attempt');
  if (!attempt) lines.push('  (none)');
  else {
    const host = attempt.owner.host ?? attempt.owner.hostname ?? '?';
    lines.push(
      `  #${attempt.number} ${attempt.status}, backend ${attempt.backend}, ${host} pid ${attempt.owner.pid ?? '?'}${attempt.owner.user ? `, user ${attempt.owner.user}` : ''}`,
    );
    lines.push(
      `  started ${displayTime(attempt.started_at)}, heartbeat ${displayTime(attempt.heartbeat_at)}, lease until ${displayTime(attempt.lease_expires_at)}`,
    );
    if ('ended_at' in attempt)
      lines.push(`  ended ${displayTime(attempt.ended_at)}${attempt.reason ? `, reason ${attempt.reason}` : ''}`);
    if (Object.keys(attempt.scheduler).length > 0)
      lines.push(`  scheduler ${stringifyPythonJson(attempt.scheduler, { spaced: true })}`);
    const error = 'error' in attempt ? attempt.error : null;
    if (error) {
      lines.push(`  error: ${error.type}: ${error.message}`);
      if (error.traceback)
        lines.push(
          '  traceback:',
          ...error.traceback
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `    ${line}`),
        );
    }
  }
  lines.push('', 'metadata');
  if (details.metadataError) lines.push(`  unreadable: ${details.metadataError}`);
  else if (!details.metadata) lines.push('  (none yet: written when a computation starts)');
  else {
    for (const key of METADATA_KEYS) {
      // Our metadata fills python_version with the Node version, beside node_version.
      if (key === 'python_version' && details.metadata.node_version !== undefined) continue;
      const value = details.metadata[key];
      if (value !== undefined && value !== null && value !== '')
        lines.push(`  ${key.padEnd(16)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
    lines.push(`  ${'git_patch'.padEnd(16)} ${patchSummary(details.metadata.git_patch)}`);
  }
  lines.push('', 'dependencies');
  if (details.parents.length === 0) lines.push('  (none)');
  for (const parent of details.parents) {
    const where = parent.location
      ? `${parent.namespace}/${parent.hash} [${parent.result}]`
      : `${parent.namespace}${parent.hash ? `/${parent.hash}` : ''} (not in this store)`;
    lines.push(`  ${parent.field}  ${where}${parent.matchedBy === 'config' ? ' (matched by config)' : ''}`);
  }
  lines.push('', 'dependents');
  if (details.children.length === 0) lines.push('  (none)');
  for (const child of details.children)
    lines.push(`  ${child.location.namespace}/${child.location.hash} [${child.result}] (field ${child.field})`);
  const tail = details.logTail.lines;
  lines.push('', `log (${tail.length === 0 ? 'empty' : `last ${tail.length} lines`}: ${details.logFile})`);
  lines.push(...tail.map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

/** `gren show --json`. */
export function detailsToJson(details: ArtifactDetails): Record<string, unknown> {
  const metadata = details.metadata;
  return {
    ...artifactToJson(details.artifact),
    live: details.live ?? null,
    compute_lock: details.artifact.computeLock,
    state: details.artifact.state ?? null,
    metadata: metadata
      ? {
          ...Object.fromEntries(METADATA_KEYS.filter((key) => key in metadata).map((key) => [key, metadata[key]])),
          git_patch: patchSummary(metadata.git_patch),
        }
      : null,
    metadata_error: details.metadataError ?? null,
    ...reuseToJson(details),
    dependencies: details.parents.map((parent) => ({
      field: parent.field,
      namespace: parent.namespace,
      gren_hash: parent.hash,
      directory: parent.location?.directory ?? null,
      result_status: parent.result,
      matched_by: parent.matchedBy,
    })),
    dependents: details.children.map((child) => ({
      field: child.field,
      namespace: child.location.namespace,
      gren_hash: child.location.hash,
      directory: child.location.directory,
      result_status: child.result,
    })),
    event_count: details.eventCount,
    log_file: details.logFile,
    log_tail: details.logTail.lines,
    log_truncated: details.logTail.truncated,
  };
}

/** "reused from" (its result link) and "reused by" (the links reading it), when there are any. */
function reuseLines({ reusedFrom, reusedBy }: ArtifactDetails): string[] {
  const lines: string[] = [];
  if (reusedFrom && 'problem' in reusedFrom)
    lines.push(`  reused from (unreadable result link: ${reusedFrom.problem})`);
  else if (reusedFrom) {
    const { linked, sourceResult, dataPresent } = reusedFrom;
    const source = `${artifactRef(linked.source.namespace, linked.source.hash)} [${sourceResult ?? 'missing'}]`;
    lines.push(`  reused from ${source} by ${linked.steps.join('; ') || 'declared migrations'}`);
    lines.push(
      dataPresent
        ? `  result in   ${linked.holderDirectory}`
        : `  result in   ${linked.holderDirectory} (gone: the next loadOrCreate computes again)`,
    );
  }
  if (reusedBy.length > 0)
    lines.push(
      `  reused by   ${reusedBy.map(({ location, result }) => `${artifactRef(location.namespace, location.hash)} [${result}]`).join(', ')}`,
    );
  return lines;
}

/** `reused_from`, `result_link_error` and `reused_by` of `gren show --json`. */
function reuseToJson({ reusedFrom, reusedBy }: ArtifactDetails): Record<string, unknown> {
  const linked = reusedFrom && 'linked' in reusedFrom ? reusedFrom : undefined;
  return {
    reused_from: linked ? summarizeReusedFrom(linked.linked, linked.sourceResult, linked.dataPresent) : null,
    result_link_error: reusedFrom && 'problem' in reusedFrom ? reusedFrom.problem : null,
    reused_by: reusedBy.map(({ location, result }) => ({
      namespace: location.namespace,
      gren_hash: location.hash,
      directory: location.directory,
      result_status: result,
    })),
  };
}

function patchSummary(patch: unknown): string {
  if (typeof patch !== 'string') return '-';
  if (patch.startsWith('<')) return patch;
  const changed = patch.split('\n').filter((line) => /^[+-](?![+-])/.test(line)).length;
  return changed === 0 ? 'clean' : `${changed} changed lines`;
}
