import { canonicalOfTree, hashOfTree } from '../../explain/config-tree';
import { hashFormOf } from '../../explain/hash-form';
import { isPlainObject } from '../../model/is-plain-object';
import { nestedConfigs } from './nested-configs';

/** An artifact as the dependency graph sees it: its key, namespace, hash and raw metadata (if any). */
export interface GraphEntry {
  readonly key: string;
  readonly namespace: string;
  readonly hash: string;
  readonly metadata: Record<string, unknown> | undefined;
}

/** Finds artifacts of the store by `namespace/hash` or by their stored config. */
export class StoreLookup {
  private readonly byRef = new Map<string, string[]>();
  private readonly byConfig = new Map<string, string[]>();

  constructor(entries: readonly GraphEntry[]) {
    for (const entry of entries) {
      push(this.byRef, `${entry.namespace}/${entry.hash}`, entry.key);
      const config = entry.metadata?.gren_obj;
      if (isPlainObject(config)) {
        const key = configKey(entry.namespace, config);
        if (key !== undefined) push(this.byConfig, key, entry.key);
      }
    }
  }

  byHash(namespace: string, hash: string): readonly string[] {
    return this.byRef.get(`${namespace}/${hash}`) ?? [];
  }

  /**
   * The artifacts a nested stored config stands for: by the hash computed from it, else by
   * an equal stored config (when the stored text does not give the exact hash back).
   */
  byNested(
    namespace: string,
    value: Record<string, unknown>,
  ): { keys: readonly string[]; hash: string | undefined; matchedBy: 'hash' | 'config' | 'none' } {
    const hash = computedHash(value);
    const byHash = hash === undefined ? [] : this.byHash(namespace, hash);
    if (byHash.length > 0) return { keys: byHash, hash, matchedBy: 'hash' };
    const key = configKey(namespace, value);
    const byConfig = key === undefined ? [] : (this.byConfig.get(key) ?? []);
    return byConfig.length > 0 ? { keys: byConfig, hash, matchedBy: 'config' } : { keys: [], hash, matchedBy: 'none' };
  }
}

/**
 * What each artifact depends on, within the store: the declared `gren_dependencies` of our
 * metadata, and every `__class__` object inside the stored config at any depth (the Python
 * gren declares nothing; deeper ones too, so that a dependency's dependencies are protected
 * even when the middle artifact's metadata is gone), matched by hash, else by equal config.
 */
export function buildDependencyGraph(entries: readonly GraphEntry[]): Map<string, string[]> {
  const lookup = new StoreLookup(entries);
  const graph = new Map<string, string[]>();
  for (const entry of entries) {
    const found = new Set<string>();
    const declared = entry.metadata?.gren_dependencies;
    if (Array.isArray(declared)) {
      for (const ref of declared) {
        if (isPlainObject(ref) && typeof ref.namespace === 'string' && typeof ref.gren_hash === 'string') {
          for (const key of lookup.byHash(ref.namespace, ref.gren_hash)) found.add(key);
        }
      }
    }
    const config = entry.metadata?.gren_obj;
    if (isPlainObject(config)) {
      for (const nested of nestedConfigs(config, true))
        for (const key of lookup.byNested(nested.namespace, nested.value).keys) found.add(key);
    }
    found.delete(entry.key);
    graph.set(entry.key, [...found].sort());
  }
  return graph;
}

function configKey(namespace: string, config: Record<string, unknown>): string | undefined {
  try {
    return `${namespace}\0${canonicalOfTree(hashFormOf(config))}`;
  } catch {
    return undefined;
  }
}

function computedHash(config: Record<string, unknown>): string | undefined {
  try {
    return hashOfTree(hashFormOf(config));
  } catch {
    return undefined;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
