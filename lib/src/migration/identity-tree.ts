import { classModel } from '../metadata/build-class-model';
import { canonicalTypedJson } from '../identity/canonical-json';
import { hashCanonicalJson } from '../identity/compute-hash';
import { sortByCodePoint } from '../identity/code-point-order';
import { pythonJsonString } from '../identity/json-string';
import { registry } from '../metadata/registry';
import type { AnyClass } from '../metadata/type-spec';

/**
 * A config's identity as a tree: its namespace, and per hashed field either the field's
 * canonical JSON or, for a nested config, that config's own tree. Migration steps rewrite
 * the tree (drop a field, rename it, change a namespace) and its canonical JSON hashes
 * exactly as the config it describes would.
 */
export interface ConfigNode {
  /** The class as declared now, whose history applies to this node. */
  readonly cls: AnyClass;
  readonly namespace: string;
  readonly fields: ReadonlyMap<string, FieldNode>;
}

export type FieldNode = { readonly json: string } | { readonly config: ConfigNode };

/** The tree of a config object (configs nested directly in fields become subtrees). */
export function configNodeOf(object: object): ConfigNode {
  const model = classModel(object.constructor as AnyClass);
  const values = object as Record<string, unknown>;
  const fields = new Map<string, FieldNode>();
  for (const field of model.fields) {
    if (!field.hashed) continue;
    const value = values[field.name];
    fields.set(field.name, isConfigObject(value) ? { config: configNodeOf(value) } : { json: canonicalTypedJson(value, field.type) });
  }
  return { cls: model.cls, namespace: model.namespace, fields };
}

/** The canonical JSON the tree stands for: what the Python gren and computeHash digest. */
export function nodeJson(node: ConfigNode): string {
  const keys = sortByCodePoint([...node.fields.keys(), '__class__']);
  const parts = keys.map((key) => {
    const value = key === '__class__' ? pythonJsonString(node.namespace) : fieldJson(node.fields.get(key) as FieldNode);
    return `${pythonJsonString(key)}:${value}`;
  });
  return `{${parts.join(',')}}`;
}

export function fieldJson(field: FieldNode): string {
  return 'json' in field ? field.json : nodeJson(field.config);
}

export function nodeHash(node: ConfigNode): string {
  return hashCanonicalJson(nodeJson(node));
}

function isConfigObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && registry.isRegistered(value.constructor);
}
