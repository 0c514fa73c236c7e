import type { StoredResult } from '../../explain/explanation';
import type { GrenState } from '../../storage/state-types';
import type { ArtifactLocation } from './find-artifacts';

/** What the CLI knows of one artifact folder after reading its `.gren/` (never throws for a corrupt one). */
export interface ArtifactRecord extends ArtifactLocation {
  /** `<root>:<namespace>/<hash>`: unique in the store (data/ and git/ may hold the same hash). */
  readonly key: string;
  readonly hasInternalDir: boolean;
  /** The validated state; undefined when state.json cannot be read (see `invalid`). */
  readonly state: GrenState | undefined;
  readonly invalid: { readonly code: string; readonly message: string } | undefined;
  readonly result: StoredResult;
  /** `.gren/.compute.lock` exists (a lock file of either language, or a directory our earlier versions left). */
  readonly computeLock: boolean;
  /** state.json's updated_at, else the folder's mtime (ISO, seconds). */
  readonly updatedAt: string;
  readonly updatedMs: number;
  readonly updatedFrom: 'state' | 'mtime';
}
