import { DependencyMatcher, type StoredDependency } from 'gren-ts/store';
import type { ArtifactRecord } from './artifact-record';

export interface Dependent {
  child: ArtifactRecord;
  field: string;
}

interface Matchable {
  readonly record: ArtifactRecord;
  readonly namespace: string;
  readonly hash: string;
  readonly configHash: string | undefined;
}

/** Finds the artifact a dependency refers to, with the store model's DependencyMatcher. */
export class DependencyResolver {
  private readonly matcher: DependencyMatcher<Matchable>;

  constructor(records: readonly ArtifactRecord[]) {
    // data/ before git/, as the store model lists them.
    const ordered = [...records].sort((a, b) => (a.root === b.root ? 0 : a.root === 'data' ? -1 : 1));
    this.matcher = new DependencyMatcher(
      ordered.map((record) => ({
        record,
        namespace: record.namespace,
        hash: record.hash,
        configHash: record.metadata?.configHash ?? undefined,
      })),
    );
  }

  resolve(dependency: StoredDependency): ArtifactRecord | null {
    return this.matcher.match(dependency).artifacts[0]?.record ?? null;
  }

  /** Every artifact's dependents (children), from each artifact's direct dependencies. */
  dependents(
    records: readonly ArtifactRecord[],
    dependenciesOf: (record: ArtifactRecord) => readonly StoredDependency[],
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
