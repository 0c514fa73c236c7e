import type { MetadataFacts } from '../index/artifact-record';

/** One scalar of a config at a dotted path (`model.lr`, `layers.0`). */
export interface ConfigLeaf {
  readonly path: string;
  readonly value: string | number | bigint | boolean | null;
}

const MAX_DEPTH = 8;
const MAX_ARRAY_ITEMS = 10;
const MAX_LEAVES = 300;
const cache = new WeakMap<MetadataFacts, readonly ConfigLeaf[]>();

/**
 * The scalar fields of an artifact's config, walked once per metadata (the class markers
 * `__class__` left out; arrays up to their 10th item, 8 levels, 300 leaves at most).
 */
export function configLeaves(metadata: MetadataFacts | null | undefined): readonly ConfigLeaf[] {
  if (!metadata?.config) return [];
  const cached = cache.get(metadata);
  if (cached) return cached;
  const leaves: ConfigLeaf[] = [];
  walk(metadata.config, '', 0, leaves);
  cache.set(metadata, leaves);
  return leaves;
}

function walk(value: unknown, path: string, depth: number, leaves: ConfigLeaf[]): void {
  if (leaves.length >= MAX_LEAVES) return;
  if (value === null || typeof value !== 'object') {
    if (path !== '' && value !== undefined && typeof value !== 'function' && typeof value !== 'symbol') {
      leaves.push({ path, value: value as ConfigLeaf['value'] });
    }
    return;
  }
  if (depth >= MAX_DEPTH) return;
  const prefix = path === '' ? '' : `${path}.`;
  if (Array.isArray(value)) {
    value.slice(0, MAX_ARRAY_ITEMS).forEach((item, index) => walk(item, `${prefix}${index}`, depth + 1, leaves));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '__class__' || key.includes('.') || key === '') continue;
    walk(item, `${prefix}${key}`, depth + 1, leaves);
  }
}
