import { classOfNode } from '../explain/config-tree';
import { isPlainObject } from '../model/is-plain-object';
import { CLASS_MARKER } from '../serialization/value-markers';

/** A config object inside a stored `gren_obj`, with its path (`dataset`, `stages[1]`, `inner.model`, `m["k"]`). */
export interface NestedConfig {
  readonly field: string;
  readonly namespace: string;
  readonly value: Record<string, unknown>;
}

/**
 * The `__class__` objects inside a stored config (the root excluded), plain nested configs
 * included: only the outermost ones (`deep: false`, a config's direct dependencies), or all
 * of them at any depth (`deep: true`).
 */
export function nestedConfigs(config: Record<string, unknown>, deep: boolean): NestedConfig[] {
  const found: NestedConfig[] = [];
  const visit = (value: unknown, field: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => visit(item, `${field}[${index}]`));
      return;
    }
    if (!isPlainObject(value)) return;
    const namespace = classOfNode(value);
    if (namespace !== undefined) {
      found.push({ field, namespace, value });
      if (deep) visitFields(value, field);
      return;
    }
    for (const key of Object.keys(value)) visit(value[key], `${field}[${JSON.stringify(key)}]`);
  };
  const visitFields = (record: Record<string, unknown>, prefix: string): void => {
    for (const key of Object.keys(record))
      if (key !== CLASS_MARKER) visit(record[key], prefix ? `${prefix}.${key}` : key);
  };
  visitFields(config, '');
  return found;
}
