import * as fs from 'node:fs';
import { isPlainObject } from '../model/is-plain-object';
import { ArtifactPaths } from '../storage/artifact-paths';
import { readMetadataWithTypeScriptFacts } from '../storage/read-metadata';
import { readState } from '../storage/read-state';
import type { GrenState } from '../storage/state-types';
import { treeOfStored, type StoredTree } from './config-tree';
import type { StoredResult } from './explanation';

/** What an explanation reads of one artifact folder; nothing here throws for a corrupt artifact. */
export interface StoredArtifactView {
  readonly exists: boolean;
  readonly state: GrenState | undefined;
  readonly result: StoredResult | null;
  readonly stateError: string | null;
  readonly updatedAt: string | null;
  /** The stored config's tree, or why there is none (no metadata yet, unreadable metadata). */
  readonly config: StoredTree | { missing: string };
}

/** Reads an artifact folder's state and stored config (its hash is the folder name). */
export function readStoredArtifact(directory: string, hash: string, withConfig = true): StoredArtifactView {
  const paths = new ArtifactPaths(directory);
  if (!fs.existsSync(directory))
    return {
      exists: false,
      state: undefined,
      result: null,
      stateError: null,
      updatedAt: null,
      config: { missing: 'no artifact' },
    };
  let state: GrenState | undefined;
  let stateError: string | null = null;
  try {
    state = readState(paths.state);
  } catch (error) {
    stateError = (error as Error).message;
  }
  return {
    exists: true,
    state,
    result: state ? state.result.status : 'invalid',
    stateError,
    updatedAt: state?.updated_at ?? null,
    config: withConfig ? readConfig(paths, hash) : { missing: 'not read' },
  };
}

function readConfig(paths: ArtifactPaths, hash: string): StoredTree | { missing: string } {
  let metadata: Record<string, unknown> | undefined;
  try {
    metadata = readMetadataWithTypeScriptFacts(paths.metadata);
  } catch (error) {
    return { missing: (error as Error).message };
  }
  if (!metadata) return { missing: 'no metadata.json (written when a computation starts)' };
  if (!isPlainObject(metadata.gren_obj)) return { missing: `${paths.metadata} has no "gren_obj" object` };
  return treeOfStored(metadata.gren_obj, hash);
}
