import type { GrenState } from '../storage/state-types';
import type { ListedResult } from './statuses';
import type { ArtifactLocation } from './store-layout';

/** What the store model knows of one artifact folder after reading its `.gren/` (never throws for a corrupt one). */
export interface ArtifactRecord extends ArtifactLocation {
  /** `<root>:<namespace>/<hash>` (see artifactKey). */
  readonly key: string;
  readonly hasInternalDir: boolean;
  /** The validated state; undefined when state.json cannot be read (see `invalid`). */
  readonly state: GrenState | undefined;
  readonly invalid: { readonly code: string; readonly message: string } | undefined;
  readonly result: ListedResult;
  /** `.gren/.compute.lock` exists (a lock file of either language, or a directory our earlier versions left). */
  readonly computeLock: boolean;
  /** state.json's updated_at, else the folder's mtime (ISO, seconds). */
  readonly updatedAt: string;
  readonly updatedMs: number;
  readonly updatedFrom: 'state' | 'mtime';
}
