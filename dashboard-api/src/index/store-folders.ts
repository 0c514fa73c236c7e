import * as path from 'node:path';
import type { StoreRootName } from './artifact-record';

/** A folder of the store: which root it is under and its path below that root. */
export interface FolderInfo {
  readonly directory: string;
  readonly root: StoreRootName;
  readonly segments: readonly string[];
}

/** A namespace folder as last listed: polling compares its mtime, rescans compare its children. */
export interface StructureFolder extends FolderInfo {
  mtimeMs: number | null;
  children: Set<string>;
}

export const ROOTS: readonly StoreRootName[] = ['data', 'git'];
/** Folders deeper than this below a root are not looked into. */
export const MAX_DEPTH = 48;

/** Namespace and hash of an artifact folder from its path below a root (one segment: hash ""). */
export function namespaceAndHash(segments: readonly string[]): { namespace: string; hash: string } {
  if (segments.length < 2) return { namespace: segments.join('.'), hash: '' };
  return { namespace: segments.slice(0, -1).join('.'), hash: segments[segments.length - 1] as string };
}

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
