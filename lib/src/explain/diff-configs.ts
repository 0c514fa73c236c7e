import { isPlainObject } from '../model/is-plain-object';
import { CLASS_MARKER } from '../serialization/value-markers';
import { canonicalOfTree, classOfNode, type ConfigTree } from './config-tree';
import type { FieldDifference } from './field-difference';

/**
 * The differences between two config trees (see ConfigTree), old → new, by path. Leaves are
 * compared by their canonical JSON, so values differ exactly when they would hash
 * differently: `1.0` (a Python float or a Float field) differs from `1`, key order never
 * matters. A dependency (a nested config) whose hash is the same on both sides is equal; a
 * differing one is reported as its own differing fields, prefixed with its path. Configs
 * of different classes, and arrays of different lengths, are reported whole.
 */
export function diffConfigs(oldTree: ConfigTree, newTree: ConfigTree): FieldDifference[] {
  const found: FieldDifference[] = [];
  walk(oldTree, newTree, '', found);
  return found;
}

function walk(a: unknown, b: unknown, path: string, found: FieldDifference[]): void {
  if (sameCanonical(a, b)) return;
  const classA = classOfNode(a);
  const classB = classOfNode(b);
  if (classA !== undefined || classB !== undefined) {
    if (classA === classB) walkRecord(a as Record<string, unknown>, b as Record<string, unknown>, path, true, found);
    else found.push({ path: path || '(config)', change: 'changed', old: a, new: b });
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    walkRecord(a, b, path, false, found);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, index) => walk(item, b[index], `${path}[${index}]`, found));
    return;
  }
  found.push({ path: path || '(value)', change: 'changed', old: a, new: b });
}

function walkRecord(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  path: string,
  isConfig: boolean,
  found: FieldDifference[],
): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !isConfig || key !== CLASS_MARKER)
    .sort();
  for (const key of keys) {
    const child =
      isConfig || /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    if (inA && inB) walk(a[key], b[key], child, found);
    else if (inA) found.push({ path: child, change: 'removed', old: a[key], new: undefined });
    else found.push({ path: child, change: 'added', old: undefined, new: b[key] });
  }
}

function sameCanonical(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  try {
    return canonicalOfTree(value);
  } catch {
    return `!${String(value)}`;
  }
}
