import * as path from 'node:path';
import { GREN_DIR_NAME, LOG_FILE, METADATA_FILE, STATE_FILE } from '../storage/artifact-paths';

export {
  ArtifactPaths,
  COMPUTE_LOCK,
  EVENTS_FILE,
  GREN_DIR_NAME,
  LOG_FILE,
  METADATA_FILE,
  STATE_FILE,
  SUCCESS_FILE,
} from '../storage/artifact-paths';

/** The two folders of a store (`<base>/data`, `<base>/git`), looked in in this order. */
export type StoreRoot = 'data' | 'git';
export const STORE_ROOTS: readonly StoreRoot[] = ['data', 'git'];

/** Where an artifact folder is: its root, dotted namespace and hash (the folder name). */
export interface ArtifactLocation {
  readonly root: StoreRoot;
  readonly namespace: string;
  readonly hash: string;
  readonly directory: string;
}

/** What an artifact folder's path plus these gives: its state, metadata and log files. */
export const STATE_SUFFIX = path.join(path.sep, GREN_DIR_NAME, STATE_FILE);
export const METADATA_SUFFIX = path.join(path.sep, GREN_DIR_NAME, METADATA_FILE);
export const LOG_SUFFIX = path.join(path.sep, GREN_DIR_NAME, LOG_FILE);

/** `<root>:<namespace>/<hash>`: unique in the store (data/ and git/ may hold the same hash). */
export function artifactKey(root: StoreRoot, namespace: string, hash: string): string {
  return `${root}:${namespace}/${hash}`;
}

/** `<namespace>/<hash>`: how a dependency names an artifact (in either root). */
export function artifactRef(namespace: string, hash: string): string {
  return `${namespace}/${hash}`;
}

/**
 * The namespace and hash of a folder `segments` below a root, or undefined when the folder
 * cannot be an artifact: it needs a namespace (one folder at least) and a hash (the last).
 * So a folder right under a root never is one.
 */
export function namespaceAndHash(segments: readonly string[]): { namespace: string; hash: string } | undefined {
  if (segments.length < 2) return undefined;
  return { namespace: segments.slice(0, -1).join('.'), hash: segments[segments.length - 1] as string };
}

/** The folder of `<namespace>/<hash>` in one root of the store at `base`. */
export function artifactDirectory(base: string, root: StoreRoot, namespace: string, hash: string): string {
  return path.join(base, root, ...namespace.split('.'), hash);
}

/** The class name of a namespace: its last dotted part. */
export function className(namespace: string): string {
  return namespace.slice(namespace.lastIndexOf('.') + 1);
}
