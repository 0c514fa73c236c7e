import * as path from 'node:path';
import { GREN_DIR_NAME } from '../../storage/artifact-paths';
import { listDirectories } from '../../storage/list-directories';

export type StoreRoot = 'data' | 'git';
export const STORE_ROOTS: readonly StoreRoot[] = ['data', 'git'];

/** Where an artifact folder is: its root, dotted namespace and hash (the folder name). */
export interface ArtifactLocation {
  readonly root: StoreRoot;
  readonly namespace: string;
  readonly hash: string;
  readonly directory: string;
}

const HASH_NAME = /^[0-9a-f]{20}$/;

/**
 * Every artifact folder under `<base>/data` and `<base>/git`: a folder holding `.gren/`, or
 * a hash-named folder (20 hex digits) below a namespace that holds nothing that is one (the
 * leftover of a computation that never recorded its state). Artifact folders are not
 * entered (their content is the user's), symbolic links are not followed.
 */
export function findArtifacts(base: string): ArtifactLocation[] {
  const found: ArtifactLocation[] = [];
  for (const root of STORE_ROOTS) {
    const rootDir = path.join(base, root);
    const walk = (directory: string, segments: string[]): void => {
      const entries = listDirectories(directory);
      const isArtifact =
        segments.length >= 2 &&
        (entries.includes(GREN_DIR_NAME) ||
          (HASH_NAME.test(segments[segments.length - 1]!) &&
            !entries.some((name) => holdsArtifacts(path.join(directory, name)))));
      if (isArtifact) {
        found.push({
          root,
          namespace: segments.slice(0, -1).join('.'),
          hash: segments[segments.length - 1]!,
          directory,
        });
        return;
      }
      for (const name of entries) if (name !== GREN_DIR_NAME) walk(path.join(directory, name), [...segments, name]);
    };
    walk(rootDir, []);
  }
  return found;
}

function holdsArtifacts(directory: string): boolean {
  const entries = listDirectories(directory);
  return entries.includes(GREN_DIR_NAME) || entries.some((name) => holdsArtifacts(path.join(directory, name)));
}
