import * as fs from 'node:fs';
import * as path from 'node:path';
import { listDirectories } from '../storage/list-directories';
import { GREN_DIR_NAME, STATE_FILE, STORE_ROOTS, namespaceAndHash, type ArtifactLocation } from './store-layout';

export interface FindArtifactsOptions {
  /**
   * Also list leftovers (gc needs them; nothing else does): folders below a namespace that
   * are not artifacts and hold none, but are what a computation left behind: a `.gren/`
   * without state.json, or a hash-named folder (20 hex digits) with no `.gren/` at all.
   */
  readonly leftovers?: boolean;
}

const HASH_NAME = /^[0-9a-f]{20}$/;

/**
 * Every artifact folder under `<base>/data` and `<base>/git`. An artifact is a folder at
 * least two levels below a root (a namespace, then the hash) holding `.gren/state.json`.
 * Artifact folders are not entered (their content is the user's), symbolic links are not
 * followed.
 */
export function findArtifacts(base: string, options: FindArtifactsOptions = {}): ArtifactLocation[] {
  const found: ArtifactLocation[] = [];
  for (const root of STORE_ROOTS) {
    const walk = (directory: string, segments: string[]): void => {
      const entries = listDirectories(directory);
      const located = namespaceAndHash(segments);
      if (located && isArtifactOrLeftover(directory, entries, located.hash, options)) {
        found.push({ root, ...located, directory });
        return;
      }
      for (const name of entries) if (name !== GREN_DIR_NAME) walk(path.join(directory, name), [...segments, name]);
    };
    walk(path.join(base, root), []);
  }
  return found;
}

/** Whether a folder whose subfolders are `entries` holds an artifact's `.gren/state.json`. */
export function isArtifactFolder(directory: string, entries: readonly string[]): boolean {
  return entries.includes(GREN_DIR_NAME) && fs.existsSync(path.join(directory, GREN_DIR_NAME, STATE_FILE));
}

function isArtifactOrLeftover(
  directory: string,
  entries: readonly string[],
  name: string,
  options: FindArtifactsOptions,
): boolean {
  if (isArtifactFolder(directory, entries)) return true;
  if (!options.leftovers) return false;
  if (entries.includes(GREN_DIR_NAME)) return true;
  return HASH_NAME.test(name) && !entries.some((entry) => holdsArtifacts(path.join(directory, entry)));
}

function holdsArtifacts(directory: string): boolean {
  const entries = listDirectories(directory);
  return entries.includes(GREN_DIR_NAME) || entries.some((name) => holdsArtifacts(path.join(directory, name)));
}
