import type { FieldChange } from '../../migration/stale-config';
import type { GrenObject } from '../../model/gren-object';

/**
 * What `gren migrate` does with one stale artifact: `planned` (a dry run, or before
 * applying), `linked` (its result is now reused by the new identity), `present` (the new
 * identity already has a result), `busy` (another process works on the new identity: run
 * again later), `unmapped` (no declared step maps it), `conflict` (another stale artifact
 * maps to the same new identity), `not_success` (it holds no result to reuse).
 */
export type MigrationStatus = 'planned' | 'linked' | 'present' | 'busy' | 'unmapped' | 'conflict' | 'not_success';

export interface ArtifactRef {
  readonly namespace: string;
  readonly hash: string;
  readonly directory: string;
}

export interface MigrationItem {
  readonly className: string;
  readonly from: ArtifactRef;
  /** The identity the declared steps map it to (none when unmapped). */
  readonly to: ArtifactRef | undefined;
  readonly steps: readonly string[];
  readonly changes: readonly FieldChange[];
  status: MigrationStatus;
  reason?: string;
  /** The config as declared now, built from the mapped stored config. */
  readonly object: GrenObject | undefined;
}

/** The item as `--json` prints it (without the live object). */
export function migrationItemJson(item: MigrationItem): Record<string, unknown> {
  return {
    class_name: item.className,
    from: item.from,
    to: item.to ?? null,
    status: item.status,
    reason: item.reason ?? null,
    steps: item.steps,
    changes: item.changes,
  };
}
