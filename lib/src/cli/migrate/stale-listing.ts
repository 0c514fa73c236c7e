import type { StaleVerdict } from '../../migration/stale-config';
import { describeChange } from './format-migration';

/** The line `gren ls --module` prints under a stale artifact: its differences and where it maps. */
export function staleLine(verdict: StaleVerdict): string {
  const changes = verdict.changes.map(describeChange).join('; ');
  const mapping = verdict.mapping.mapped
    ? `maps to ${verdict.mapping.namespace}/${verdict.mapping.hash} by ${verdict.mapping.steps.join('; ')}`
    : `no declared migration maps it: ${verdict.mapping.reason}`;
  return `  stale${changes ? ` (${changes})` : ''}: ${mapping}`;
}

/** The `stale` member of an artifact in `gren ls --json` (null when it fits or was not judged). */
export function staleJson(verdict: StaleVerdict | undefined): Record<string, unknown> | null {
  if (!verdict) return null;
  return {
    class_name: verdict.className ?? null,
    changes: verdict.changes,
    mapping: verdict.mapping.mapped
      ? { namespace: verdict.mapping.namespace, gren_hash: verdict.mapping.hash, steps: verdict.mapping.steps }
      : null,
    unmapped_reason: verdict.mapping.mapped ? null : verdict.mapping.reason,
  };
}
