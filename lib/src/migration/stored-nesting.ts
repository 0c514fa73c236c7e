import { isPlainObject } from '../model/is-plain-object';
import { CLASS_MARKER, MARKERS } from '../serialization/value-markers';

export type StoredConfig = Record<string, unknown>;

export interface NotMapped<C> {
  readonly reason: string;
  readonly changes: C[];
}

/** Maps one stored config found at `prefix` (`models[1].`, `byName.small.`, `train.`). */
export type StoredConfigMapper<C> = (
  config: StoredConfig,
  prefix: string,
) => { config: StoredConfig; steps: readonly string[]; changes: readonly C[] } | NotMapped<C>;

export function isStoredConfig(value: unknown): value is StoredConfig {
  return isPlainObject(value) && typeof value[CLASS_MARKER] === 'string';
}

/**
 * A stored field value with every config inside it mapped: a config itself, or configs in
 * arrays (`path[1]`), in objects (`path.key`, `path["a key"]`) and in the `__map__` pairs
 * toDict writes for Maps (by their key). The value comes back as it was when nothing in it
 * changed.
 */
export function mapStoredValue<C>(
  value: unknown,
  path: string,
  mapConfig: StoredConfigMapper<C>,
): { value: unknown; steps: string[]; changes: C[] } | NotMapped<C> {
  if (isStoredConfig(value)) {
    const mapped = mapConfig(value, `${path}.`);
    return 'reason' in mapped
      ? mapped
      : { value: mapped.config, steps: [...mapped.steps], changes: [...mapped.changes] };
  }
  if (Array.isArray(value))
    return mapParts(
      value.map((item: unknown, index) => [item, `${path}[${index}]`] as const),
      value,
      mapConfig,
      (items) => items,
    );
  if (!isPlainObject(value)) return { value, steps: [], changes: [] };
  const pairs = value[MARKERS.map];
  if (Object.keys(value).length === 1 && Array.isArray(pairs) && pairs.every(isPair)) {
    const parts = pairs.map(([key, item]) => [item, `${path}${keySegment(key)}`] as const);
    return mapParts(parts, value, mapConfig, (items) => ({
      [MARKERS.map]: pairs.map(([key], index) => [key, items[index]]),
    }));
  }
  const keys = Object.keys(value);
  const parts = keys.map((key) => [value[key], `${path}${keySegment(key)}`] as const);
  return mapParts(parts, value, mapConfig, (items) =>
    Object.fromEntries(keys.map((key, index) => [key, items[index]])),
  );
}

function mapParts<C>(
  parts: readonly (readonly [unknown, string])[],
  whole: unknown,
  mapConfig: StoredConfigMapper<C>,
  rebuild: (items: unknown[]) => unknown,
): { value: unknown; steps: string[]; changes: C[] } | NotMapped<C> {
  const items: unknown[] = [];
  const steps: string[] = [];
  const changes: C[] = [];
  let changed = false;
  for (const [item, path] of parts) {
    const mapped = mapStoredValue(item, path, mapConfig);
    if ('reason' in mapped) return mapped;
    items.push(mapped.value);
    steps.push(...mapped.steps);
    changes.push(...mapped.changes);
    changed ||= mapped.value !== item;
  }
  return { value: changed ? rebuild(items) : whole, steps, changes };
}

/** `.small` for a key that reads as a name, `["a key"]` (or `[3]`) otherwise. */
function keySegment(key: unknown): string {
  if (typeof key !== 'string') return `[${String(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function isPair(pair: unknown): pair is [unknown, unknown] {
  return Array.isArray(pair) && pair.length === 2;
}
