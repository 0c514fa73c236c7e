import { classModel } from '../metadata/build-class-model';
import { registry } from '../metadata/registry';
import { isGrenObject, type MarkedGrenObject } from '../model/gren-object-mark';
import { isPlainObject } from '../model/is-plain-object';
import type { DependencyRef } from '../storage/metadata-types';

/**
 * Every gren object a config depends on directly: in its fields, inside arrays, objects and
 * Maps, and inside plain nested configs — but not the dependencies of those dependencies.
 */
export function findDependencies(config: object): DependencyRef[] {
  return findDependencyObjects(config).map(({ field, object }) => ({
    field,
    namespace: classModel(object.constructor as never).namespace,
    gren_hash: object.grenHash,
  }));
}

/** The direct dependencies themselves, each with the field path that holds it. */
export function findDependencyObjects(config: object): { field: string; object: MarkedGrenObject }[] {
  const found: { field: string; object: MarkedGrenObject }[] = [];
  const visit = (value: unknown, where: string): void => {
    if (typeof value !== 'object' || value === null) return;
    if (isGrenObject(value)) {
      found.push({ field: where, object: value });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => visit(item, `${where}[${index}]`));
    } else if (value instanceof Map) {
      for (const [key, item] of value) visit(item, `${where}[${JSON.stringify(String(key))}]`);
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) visit(value[key], `${where}[${JSON.stringify(key)}]`);
    } else if (registry.isRegistered(value.constructor)) {
      visitFields(value, `${where}.`);
    }
  };
  const visitFields = (instance: object, prefix: string): void => {
    const record = instance as Record<string, unknown>;
    for (const field of classModel(instance.constructor as never).fields)
      visit(record[field.name], `${prefix}${field.name}`);
  };
  visitFields(config, '');
  return found;
}
