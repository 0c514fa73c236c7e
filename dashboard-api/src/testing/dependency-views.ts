import type { ArtifactRecord } from '../index/artifact-record';
import { DependencyResolver, type Dependent } from '../index/dependency-resolver';
import { directDependencies, type DirectDependency } from '../index/direct-dependencies';

export interface DependencyViews {
  readonly dependenciesOf: (record: ArtifactRecord) => readonly DirectDependency[];
  readonly resolve: (dependency: DirectDependency) => ArtifactRecord | null;
  readonly dependentsOf: (record: ArtifactRecord) => readonly Dependent[];
}

/** What IndexService derives for the DAG and relationships, built at once for a test. */
export function dependencyViews(records: readonly ArtifactRecord[]): DependencyViews {
  const classes = new Set(records.map((record) => record.namespace));
  const byRef = new Map(records.map((record) => [`${record.namespace}/${record.hash}`, record]));
  const resolver = new DependencyResolver(records, (namespace, hash) => byRef.get(`${namespace}/${hash}`));
  const dependenciesOf = (record: ArtifactRecord): readonly DirectDependency[] => directDependencies(record, classes);
  const dependents = resolver.dependents(records, dependenciesOf);
  return {
    dependenciesOf,
    resolve: (dependency) => resolver.resolve(dependency),
    dependentsOf: (record) => dependents.get(record) ?? [],
  };
}
