import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectResultLink } from '../storage/result-link';
import {
  artifactDirectory,
  artifactKey,
  namespaceAndHash,
  STATE_SUFFIX,
  STORE_ROOTS,
  type ArtifactLocation,
  type StoreRoot,
} from './store-layout';

/**
 * Where an artifact's reused result lives, as its `.gren/result-link.json` says (a migration
 * let this identity reuse an earlier identity's success without copying it).
 */
export interface LinkedResult {
  /** The earlier identity whose success was reused, in the linking artifact's root. */
  readonly source: ArtifactLocation;
  /** The folder holding the data: the source's own, or the one the source links to in turn. */
  readonly holderDirectory: string;
  /** That folder as an artifact of the store; undefined when it is outside the store. */
  readonly holder: ArtifactLocation | undefined;
  /** The declared migration steps, as `Class: step`. */
  readonly steps: readonly string[];
  readonly linkedAt: string | null;
}

/** A link file as found: the link, or why it cannot be followed. */
export type ResultLinkReading = { readonly linked: LinkedResult } | { readonly problem: string };

/** The artifact's result link; undefined when it holds its own result (no link file). */
export function readLinkedResult(base: string, location: ArtifactLocation): ResultLinkReading | undefined {
  const inspected = inspectResultLink(location.directory);
  if (inspected === undefined) return undefined;
  if ('problem' in inspected) return inspected;
  const { namespace, hash } = inspected.link.source as Partial<Record<'namespace' | 'hash', unknown>>;
  if (typeof namespace !== 'string' || typeof hash !== 'string' || namespace === '' || hash === '')
    return { problem: `${location.directory}/.gren/result-link.json names no source namespace and hash` };
  const holderDirectory = path.resolve(location.directory, inspected.link.target);
  const steps = Array.isArray(inspected.link.steps)
    ? inspected.link.steps.filter((step) => typeof step === 'string')
    : [];
  return {
    linked: {
      source: {
        root: location.root,
        namespace,
        hash,
        directory: artifactDirectory(base, location.root, namespace, hash),
      },
      holderDirectory,
      holder: locateDirectory(base, holderDirectory),
      steps,
      linkedAt: typeof inspected.link.linked_at === 'string' ? inspected.link.linked_at : null,
    },
  };
}

/** The links of those artifacts that have one, by artifact key (each link file read once). */
export function readResultLinks(base: string, locations: readonly ArtifactLocation[]): Map<string, ResultLinkReading> {
  const links = new Map<string, ResultLinkReading>();
  for (const location of locations) {
    const reading = readLinkedResult(base, location);
    if (reading) links.set(artifactKey(location.root, location.namespace, location.hash), reading);
  }
  return links;
}

/** Whether the folder holding the linked data still holds an artifact (else the next loadOrCreate computes again). */
export function isLinkedResultPresent(linked: LinkedResult): boolean {
  return fs.existsSync(linked.holderDirectory + STATE_SUFFIX);
}

/** The artifacts a link reads: its source and the folder holding the data (the same one unless chained). */
export function linkedKeys(linked: LinkedResult): string[] {
  const keys = [artifactKey(linked.source.root, linked.source.namespace, linked.source.hash)];
  const holder = linked.holder;
  if (holder) keys.push(artifactKey(holder.root, holder.namespace, holder.hash));
  return [...new Set(keys)];
}

/** The keys of the artifacts whose link reads the artifact `key` (as its source or its data's holder), sorted. */
export function reusersOf(key: string, links: ReadonlyMap<string, ResultLinkReading>): string[] {
  const reusers: string[] = [];
  for (const [linker, reading] of links)
    if ('linked' in reading && linkedKeys(reading.linked).includes(key)) reusers.push(linker);
  return reusers.sort();
}

/** The artifact location of a folder of the store at `base`, or undefined when it cannot be one. */
function locateDirectory(base: string, directory: string): ArtifactLocation | undefined {
  const segments = path.relative(path.resolve(base), directory).split(path.sep);
  const root = segments[0] as StoreRoot;
  if (!STORE_ROOTS.includes(root)) return undefined;
  const located = namespaceAndHash(segments.slice(1));
  return located
    ? { root, ...located, directory: artifactDirectory(base, root, located.namespace, located.hash) }
    : undefined;
}
