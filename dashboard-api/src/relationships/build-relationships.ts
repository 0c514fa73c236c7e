import type { ChildExperiment, ExperimentRelationships, ParentExperiment } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';
import type { Dependent } from '../index/dependency-resolver';
import { className, type StoredDependency } from 'gren-ts/store';
import { resolveField } from './resolve-field';

/**
 * Parents (the target's direct dependencies, each with the stored artifact when there is one
 * and the dependency's config from the target's metadata) and children (artifacts that depend
 * on the target), from the dependency graph. An artifact without metadata has no known
 * parents but may still have children; it is never a 404.
 */
export function buildRelationships(
  target: ArtifactRecord,
  dependencies: readonly StoredDependency[],
  resolve: (dependency: StoredDependency) => ArtifactRecord | null,
  dependents: readonly Dependent[],
  targetConfig: Record<string, unknown> | null,
): ExperimentRelationships {
  const parents: ParentExperiment[] = dependencies.map((dependency) => {
    const parent = resolve(dependency);
    return {
      field_name: dependency.field,
      class_name: className(dependency.namespace),
      full_class_name: dependency.namespace,
      namespace: parent?.namespace ?? null,
      gren_hash: parent?.hash ?? null,
      result_status: parent?.summary.result_status ?? null,
      config: configOf(targetConfig, dependency.field),
    };
  });
  const children: ChildExperiment[] = dependents
    .filter(({ child }) => child !== target)
    .map(({ child, field }) => ({
      field_name: field,
      class_name: className(child.namespace),
      full_class_name: child.namespace,
      namespace: child.namespace,
      gren_hash: child.hash,
      result_status: child.summary.result_status,
    }))
    .sort(
      (a, b) =>
        compare(a.namespace, b.namespace) || compare(a.gren_hash, b.gren_hash) || compare(a.field_name, b.field_name),
    );
  return { parents, children };
}

/** The dependency's config without its `__class__` marker, or null when it cannot be found. */
function configOf(config: Record<string, unknown> | null, field: string): Record<string, unknown> | null {
  if (!config) return null;
  const value = resolveField(config, field);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { __class__: _marker, ...rest } = value as Record<string, unknown>;
  return rest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
