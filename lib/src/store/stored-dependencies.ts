import { isPlainObject } from '../model/is-plain-object';
import { configHash } from './config-identity';
import { nestedConfigs } from './nested-configs';

/** A dependency named by a stored metadata.json. */
export interface StoredDependency {
  /** Where it sits in the config: `dataset`, `stages[1]`, `models["a"]`, `opt.data`. */
  readonly field: string;
  readonly namespace: string;
  /** The declared hash, else the hash computed from the nested config (null when it cannot be). */
  readonly hash: string | null;
  /** Our metadata's `gren_dependencies` named it (else it is a nested `__class__` object of `gren_obj`). */
  readonly declared: boolean;
}

/**
 * The direct dependencies of an artifact from its metadata: our library declares them
 * (`gren_dependencies`, with hashes); for the Python gren's, they are the outermost
 * `__class__` objects inside `gren_obj`, plain nested configs included (as its dashboard
 * shows them), each with the hash its config gives.
 */
export function directDependencies(metadata: Record<string, unknown> | null | undefined): StoredDependency[] {
  if (!metadata) return [];
  const declared = declaredDependencies(metadata);
  if (declared) return declared;
  const config = metadata.gren_obj;
  if (!isPlainObject(config)) return [];
  return nestedConfigs(config, false).map(nestedDependency);
}

/**
 * Every dependency at any depth (for gc: a dependency's dependencies are protected even
 * when the middle artifact's metadata is gone): the declared ones and every nested config.
 */
export function allDependencies(metadata: Record<string, unknown> | null | undefined): StoredDependency[] {
  if (!metadata) return [];
  const config = metadata.gren_obj;
  const nested = isPlainObject(config) ? nestedConfigs(config, true).map(nestedDependency) : [];
  return [...(declaredDependencies(metadata) ?? []), ...nested];
}

function declaredDependencies(metadata: Record<string, unknown>): StoredDependency[] | undefined {
  const declared = metadata.gren_dependencies;
  if (!Array.isArray(declared)) return undefined;
  return declared
    .filter(
      (ref): ref is Record<string, string> =>
        isPlainObject(ref) &&
        typeof ref.field === 'string' &&
        typeof ref.namespace === 'string' &&
        typeof ref.gren_hash === 'string',
    )
    .map((ref) => ({ field: ref.field!, namespace: ref.namespace!, hash: ref.gren_hash!, declared: true }));
}

function nestedDependency(nested: {
  field: string;
  namespace: string;
  value: Record<string, unknown>;
}): StoredDependency {
  return { field: nested.field, namespace: nested.namespace, hash: configHash(nested.value) ?? null, declared: false };
}
