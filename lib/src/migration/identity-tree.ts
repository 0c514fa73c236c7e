import { classModel } from '../metadata/build-class-model';
import { canonicalJson, canonicalTypedJson } from '../identity/canonical-json';
import { hashCanonicalJson } from '../identity/compute-hash';
import { sortByCodePoint } from '../identity/code-point-order';
import { pythonJsonString } from '../identity/json-string';
import { canonicalMapEntries } from '../identity/map-entries';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import type { AnyClass } from '../metadata/type-spec';
import { isPlainObject } from '../model/is-plain-object';

/**
 * A config's identity as a tree: its namespace, and per hashed field the field's value as a
 * tree whose leaves are canonical JSON or nested configs (a config in a field, in an array,
 * in a plain object or as a Map value). Migration steps rewrite the tree (drop a field,
 * rename it, change a namespace) and its canonical JSON hashes exactly as the config it
 * describes would.
 */
export interface ConfigNode {
  /** The class as declared now, whose history applies to this node. */
  readonly cls: AnyClass;
  readonly namespace: string;
  readonly fields: ReadonlyMap<string, ValueNode>;
}

/**
 * A value: canonical JSON when it holds no config, else a config, or an array or object
 * (plain object or Map, its entries in canonical key order) of values.
 */
export type ValueNode =
  | { readonly json: string }
  | { readonly config: ConfigNode }
  | { readonly items: readonly ValueNode[] }
  | { readonly entries: readonly (readonly [string, ValueNode])[] };

/** The tree of a config object. */
export function configNodeOf(object: object): ConfigNode {
  const model = classModel(object.constructor as AnyClass);
  const values = object as Record<string, unknown>;
  const fields = new Map<string, ValueNode>();
  for (const field of model.fields) {
    if (field.hashed) fields.set(field.name, valueNodeOf(values[field.name], field.type));
  }
  return { cls: model.cls, namespace: model.namespace, fields };
}

/**
 * The tree of a value, written as the canonical JSON writer writes it: under its declared
 * type where one applies (an array's element type), untyped inside objects and Maps.
 */
function valueNodeOf(value: unknown, type: FieldType | undefined): ValueNode {
  if (isConfigObject(value)) return { config: configNodeOf(value) };
  if (!holdsConfig(value)) return { json: type ? canonicalTypedJson(value, type) : canonicalJson(value) };
  if (Array.isArray(value)) {
    const element = type?.kind === 'array' && type.element.kind !== 'any' ? type.element : undefined;
    return { items: value.map((item: unknown) => valueNodeOf(item, element)) };
  }
  const entries: [string, unknown][] =
    value instanceof Map
      ? canonicalMapEntries(value)
      : sortByCodePoint(Object.keys(value as object)).map((key) => [key, (value as Record<string, unknown>)[key]]);
  return { entries: entries.map(([key, item]) => [key, valueNodeOf(item, undefined)] as const) };
}

/** Whether a config is somewhere inside the value (Sets hold only strings and numbers). */
function holdsConfig(value: unknown): boolean {
  if (isConfigObject(value)) return true;
  if (Array.isArray(value)) return value.some(holdsConfig);
  if (value instanceof Map) return [...value.values()].some(holdsConfig);
  return isPlainObject(value) && Object.values(value).some(holdsConfig);
}

/** The canonical JSON the tree stands for: what the Python gren and computeHash digest. */
export function nodeJson(node: ConfigNode): string {
  const keys = sortByCodePoint([...node.fields.keys(), '__class__']);
  const parts = keys.map((key) => {
    const value = key === '__class__' ? pythonJsonString(node.namespace) : valueJson(node.fields.get(key) as ValueNode);
    return `${pythonJsonString(key)}:${value}`;
  });
  return `{${parts.join(',')}}`;
}

export function valueJson(value: ValueNode): string {
  if ('json' in value) return value.json;
  if ('config' in value) return nodeJson(value.config);
  if ('items' in value) return `[${value.items.map(valueJson).join(',')}]`;
  return `{${value.entries.map(([key, item]) => `${pythonJsonString(key)}:${valueJson(item)}`).join(',')}}`;
}

export function nodeHash(node: ConfigNode): string {
  return hashCanonicalJson(nodeJson(node));
}

function isConfigObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && registry.isRegistered(value.constructor);
}
