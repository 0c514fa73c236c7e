import type { ArtifactRecord } from './artifact-record';
import type { DirectDependency } from './direct-dependencies';

export interface Dependent {
  child: ArtifactRecord;
  field: string;
}

/** Finds the artifact a dependency refers to: by hash, or by equal config (Python metadata). */
export class DependencyResolver {
  private readonly byConfig = new Map<string, ArtifactRecord[]>();

  constructor(
    records: readonly ArtifactRecord[],
    private readonly find: (namespace: string, hash: string) => ArtifactRecord | undefined,
  ) {
    for (const record of records) {
      const key = record.metadata?.configKey;
      if (!key) continue;
      const list = this.byConfig.get(key);
      if (list) list.push(record);
      else this.byConfig.set(key, [record]);
    }
  }

  resolve(dependency: DirectDependency): ArtifactRecord | null {
    if (dependency.hash !== null) return this.find(dependency.namespace, dependency.hash) ?? null;
    if (dependency.configKey === null) return null;
    return this.byConfig.get(dependency.configKey)?.find((record) => record.namespace === dependency.namespace) ?? null;
  }

  /** Every artifact's dependents (children), from each artifact's direct dependencies. */
  dependents(
    records: readonly ArtifactRecord[],
    dependenciesOf: (record: ArtifactRecord) => readonly DirectDependency[],
  ): Map<ArtifactRecord, Dependent[]> {
    const dependents = new Map<ArtifactRecord, Dependent[]>();
    for (const record of records) {
      for (const dependency of dependenciesOf(record)) {
        const parent = this.resolve(dependency);
        if (!parent || parent === record) continue;
        const entry = { child: record, field: dependency.field };
        const list = dependents.get(parent);
        if (list) list.push(entry);
        else dependents.set(parent, [entry]);
      }
    }
    return dependents;
  }
}
