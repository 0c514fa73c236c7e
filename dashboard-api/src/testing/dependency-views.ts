import type { StoredDependency } from 'gren-ts/store';
import type { ArtifactRecord } from '../index/artifact-record';
import { DependencyResolver, type Dependent } from '../index/dependency-resolver';

export interface DependencyViews {
  readonly dependenciesOf: (record: ArtifactRecord) => readonly StoredDependency[];
  readonly resolve: (dependency: StoredDependency) => ArtifactRecord | null;
  readonly dependentsOf: (record: ArtifactRecord) => readonly Dependent[];
}

/** What IndexService derives for the DAG and relationships, built at once for a test. */
export function dependencyViews(records: readonly ArtifactRecord[]): DependencyViews {
  const resolver = new DependencyResolver(records);
  const dependenciesOf = (record: ArtifactRecord): readonly StoredDependency[] => record.metadata?.dependencies ?? [];
  const dependents = resolver.dependents(records, dependenciesOf);
  return {
    dependenciesOf,
    resolve: (dependency) => resolver.resolve(dependency),
    dependentsOf: (record) => dependents.get(record) ?? [],
  };
}
