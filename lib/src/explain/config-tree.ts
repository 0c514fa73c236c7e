import { hashCanonicalJson, toCanonicalJson } from '../identity/compute-hash';
import { isPlainObject } from '../model/is-plain-object';
import { fromDict } from '../serialization/from-dict';
import { parsePythonJson } from '../serialization/python-json';
import { CLASS_MARKER } from '../serialization/value-markers';
import { hashFormOf } from './hash-form';

/**
 * A config in hash form: JSON-like values (FloatValue for Python floats, bigint for big
 * integers) in which every config object is a record with a `__class__` marker and only
 * its hashed fields. Two configs hash alike exactly when their trees are equal.
 */
export type ConfigTree = unknown;

/** The tree of a live config object: its canonical JSON, parsed back losslessly. */
export function treeOfObject(object: object): ConfigTree {
  return parsePythonJson(toCanonicalJson(object));
}

/** A stored config's tree, and whether it is exact (its hash is the artifact's). */
export interface StoredTree {
  tree: ConfigTree;
  exact: boolean;
}

/**
 * The tree of a stored `gren_obj`. When its class is loaded in this process and rebuilding
 * the object gives back the artifact's own hash, that object's tree is used (exact);
 * otherwise — classes not loaded, fields added or removed since, a Python store — the
 * stored text is converted as hashFormOf describes.
 */
export function treeOfStored(stored: unknown, artifactHash?: string): StoredTree {
  const rebuilt = rebuild(stored);
  if (rebuilt && (artifactHash === undefined || hashOfTree(rebuilt.tree) === artifactHash))
    return { tree: rebuilt.tree, exact: true };
  const tree = hashFormOf(stored);
  return { tree, exact: artifactHash !== undefined && safeHash(tree) === artifactHash };
}

function rebuild(stored: unknown): { tree: ConfigTree } | undefined {
  try {
    return { tree: treeOfObject(fromDict(stored) as object) };
  } catch {
    return undefined;
  }
}

/** The gren hash of a tree (of a config node: the hash its artifact directory has). */
export function hashOfTree(tree: ConfigTree): string {
  return hashCanonicalJson(toCanonicalJson(tree));
}

/** Canonical JSON text of a tree (how leaves are compared). */
export function canonicalOfTree(tree: ConfigTree): string {
  return toCanonicalJson(tree);
}

function safeHash(tree: ConfigTree): string | undefined {
  try {
    return hashOfTree(tree);
  } catch {
    return undefined;
  }
}

/** The namespace of a config node, or undefined for any other value. */
export function classOfNode(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const marker = value[CLASS_MARKER];
  return typeof marker === 'string' ? marker : undefined;
}
