import type { ExperimentSummary } from '@contract/api-types';
import { refId } from '../shared/experiment-ref';

/** Experiments picked in the list for the compare view, by id, in the order picked. */
export class CompareSelection {
  constructor(readonly items: ReadonlyMap<string, ExperimentSummary> = new Map()) {}

  get ids(): ReadonlySet<string> {
    return new Set(this.items.keys());
  }

  toggled(experiment: ExperimentSummary): CompareSelection {
    const next = new Map(this.items);
    const id = refId(experiment);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.set(id, experiment);
    }
    return new CompareSelection(next);
  }

  /** Why the selection cannot be compared yet, or null when it can. */
  problem(): string | null {
    if (this.items.size < 2) {
      return 'Select two or more experiments of one class to compare them.';
    }
    const namespaces = new Set([...this.items.values()].map((e) => e.namespace));
    return namespaces.size > 1 ? 'Only experiments of one class can be compared.' : null;
  }

  /** The value of `/compare?ids=`. */
  queryValue(): string {
    return [...this.items.keys()].join(',');
  }
}
