import * as path from 'node:path';
import { STORE_ROOTS, type StoreRoot } from 'gren-ts/store';

/** A folder of the store: which root it is under and its path below that root. */
export interface FolderInfo {
  readonly directory: string;
  readonly root: StoreRoot;
  readonly segments: readonly string[];
}

/** A namespace folder as last listed: polling compares its mtime, rescans compare its children. */
export interface StructureFolder extends FolderInfo {
  mtimeMs: number | null;
  children: Set<string>;
}

export const ROOTS = STORE_ROOTS;
/** Folders deeper than this below a root are not looked into. */
export const MAX_DEPTH = 48;

/** Where a folder is in the store at `basePath`; undefined when under neither root. */
export function folderInfo(basePath: string, directory: string): FolderInfo | undefined {
  for (const root of ROOTS) {
    const rootDir = path.join(basePath, root);
    if (directory === rootDir) return { directory, root, segments: [] };
    if (directory.startsWith(rootDir + path.sep)) {
      return { directory, root, segments: directory.slice(rootDir.length + 1).split(path.sep) };
    }
  }
  return undefined;
}
