import type { SimilarExperiments } from '@contract/insight-types';

/**
 * One sentence over the comparison: for an experiment without a usable result, why nothing
 * usable is stored for its config (its own state, and how close the nearest successful config is).
 */
export function similarSummary(resultStatus: string, similar: SimilarExperiments): string {
  if (!similar.comparable) {
    return 'This experiment has no stored config yet (metadata.json is written when a computation starts): nothing to compare.';
  }
  if (similar.compared === 0) {
    return 'No other config of this class is stored.';
  }
  const nearestSuccess = similar.nearest.find((n) => n.result_status === 'success');
  const fields = (count: number): string => `${count} field${count === 1 ? '' : 's'}`;
  const closest = nearestSuccess
    ? ` The nearest successful config differs in ${fields(nearestSuccess.differences.length)}.`
    : ' None of the nearest configs has a successful result.';
  const compared = `Compared with ${similar.compared} stored config${similar.compared === 1 ? '' : 's'} of this class.`;
  switch (resultStatus) {
    case 'success':
      return compared;
    case 'failed':
      return `Nothing usable is stored: this config failed.${closest} ${compared}`;
    case 'absent':
      return `Nothing usable is stored: this config was never computed to the end (or its result was invalidated).${closest} ${compared}`;
    default:
      return `No result is stored yet: this config is ${resultStatus}.${closest} ${compared}`;
  }
}
