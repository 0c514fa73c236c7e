import { isJsonObject } from '../experiment-detail/config-fields';

/** A configuration flattened to leaf paths such as `middle.leaf.value` or `items[2]`. */
export type FlatConfig = ReadonlyMap<string, unknown>;

export interface DiffRow {
  readonly path: string;
  /** One display value per experiment; null where the experiment lacks the path. */
  readonly values: readonly (string | null)[];
  readonly differs: boolean;
}

/**
 * Leaves are scalars and empty containers; nested objects and lists are walked. Anything but
 * an object at the top (no configuration) flattens to nothing.
 */
export function flattenConfig(value: unknown, prefix = ''): FlatConfig {
  const flat = new Map<string, unknown>();
  if (!isJsonObject(value)) {
    return flat;
  }
  const walk = (current: unknown, path: string): void => {
    if (Array.isArray(current) && current.length > 0) {
      current.forEach((item: unknown, index) => walk(item, `${path}[${index}]`));
    } else if (isJsonObject(current) && Object.keys(current).length > 0) {
      for (const [key, item] of Object.entries(current)) {
        walk(item, path === '' ? key : `${path}.${key}`);
      }
    } else {
      flat.set(path, current);
    }
  };
  walk(value, prefix);
  return flat;
}

/** JSON text, so `1` and `"1"`, or `null` and a missing field, stay distinguishable. */
export function displayValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Side-by-side rows of several configurations: every path of any of them, in order of first
 * appearance, flagged when the experiments disagree (a missing path disagrees with any value).
 */
export function diffConfigs(configs: readonly unknown[]): DiffRow[] {
  const flats = configs.map((config) => flattenConfig(config));
  const paths: string[] = [];
  const known = new Set<string>();
  for (const flat of flats) {
    for (const path of flat.keys()) {
      if (!known.has(path)) {
        known.add(path);
        paths.push(path);
      }
    }
  }
  return paths.map((path) => {
    const values = flats.map((flat) => (flat.has(path) ? displayValue(flat.get(path)) : null));
    return { path, values, differs: new Set(values).size > 1 };
  });
}
