import type { LinkedResult } from './result-links';
import type { ListedResult } from './statuses';

/** An artifact's reused result as `gren show --json` and the dashboard API write it (`reused_from`). */
export interface ReusedFromSummary {
  /** The earlier identity whose success was reused. */
  readonly namespace: string;
  readonly gren_hash: string;
  readonly directory: string;
  /** That artifact's result now; null when it is gone. */
  readonly result_status: ListedResult | null;
  /** The declared migration steps that map it to this identity, as `Class: step`. */
  readonly steps: readonly string[];
  readonly linked_at: string | null;
  /** The folder holding the data: the reused artifact's own, or the one it links to in turn. */
  readonly result_directory: string;
  /** false when that folder is gone: the next loadOrCreate computes again. */
  readonly result_present: boolean;
}

export function summarizeReusedFrom(
  linked: LinkedResult,
  sourceResult: ListedResult | null,
  resultPresent: boolean,
): ReusedFromSummary {
  return {
    namespace: linked.source.namespace,
    gren_hash: linked.source.hash,
    directory: linked.source.directory,
    result_status: sourceResult,
    steps: linked.steps,
    linked_at: linked.linkedAt,
    result_directory: linked.holderDirectory,
    result_present: resultPresent,
  };
}
