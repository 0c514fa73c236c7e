import type { DependencyRef } from 'gren-ts';
import type { MetadataFacts, NestedClassObject } from './artifact-record';
import { canonicalJson, digest } from './canonical-key';

/**
 * Extracts what the dashboard needs from a parsed metadata.json (numbers already plain, bigint
 * for large integers): the config for config_filter, the declared dependencies (TypeScript
 * gren), and every nested `__class__` object with a digest of its config (Python gren).
 */
export function metadataFacts(metadata: Record<string, unknown>): MetadataFacts {
  const rawConfig = metadata.gren_obj;
  const config = isRecord(rawConfig) ? rawConfig : null;
  const declared = declaredDependencies(metadata.gren_dependencies);
  const nested: NestedClassObject[] = [];
  let configKey: string | null = null;
  if (config) {
    // Declared dependencies are used as they are: nested objects are only needed without them.
    configKey = digest(canonicalWithNested(config, '', -1, declared ? null : nested, true));
  }
  const className = config && typeof config.__class__ === 'string' ? config.__class__ : null;
  return { config, className, declaredDependencies: declared, configKey, nested };
}

/**
 * Canonical JSON of `value`, recording every `__class__` object below the root on the way
 * (bottom-up, so each subtree is serialized once). Field paths are only built for objects and
 * lists (leaves need none): an index digests every config it holds.
 */
function canonicalWithNested(
  value: unknown,
  field: string,
  parent: number,
  nested: NestedClassObject[] | null,
  isRoot: boolean,
): string {
  if (Array.isArray(value)) {
    let canonical = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) canonical += ',';
      const item: unknown = value[index];
      canonical +=
        typeof item === 'object' && item !== null
          ? canonicalWithNested(item, `${field}[${index}]`, parent, nested, false)
          : canonicalJson(item);
    }
    return `${canonical}]`;
  }
  if (!isRecord(value)) return canonicalJson(value);
  const marker = value.__class__;
  const isClassObject = nested !== null && !isRoot && typeof marker === 'string';
  let self = parent;
  if (isClassObject) {
    self = nested.length;
    nested.push({ field, className: marker, configKey: '', parent });
  }
  const keys = Object.keys(value).sort();
  let canonical = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    const quoted = JSON.stringify(key);
    if (index > 0) canonical += ',';
    const child = value[key];
    if (typeof child === 'object' && child !== null) {
      const childField =
        nested === null ? '' : isRoot ? key : isClassObject ? `${field}.${key}` : `${field}[${quoted}]`;
      canonical += `${quoted}:${canonicalWithNested(child, childField, self, nested, false)}`;
    } else {
      canonical += `${quoted}:${canonicalJson(child)}`;
    }
  }
  canonical += '}';
  const entry = isClassObject ? nested[self] : undefined;
  if (entry) entry.configKey = digest(canonical);
  return canonical;
}

function declaredDependencies(value: unknown): DependencyRef[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (item): item is DependencyRef =>
      isRecord(item) &&
      typeof item.field === 'string' &&
      typeof item.namespace === 'string' &&
      typeof item.gren_hash === 'string',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
