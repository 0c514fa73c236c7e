import { ExperimentRef, parseRefId, refId } from '../shared/experiment-ref';

/** `/compare?ids=ns/hash,ns/hash` → refs, dropping unreadable and repeated entries. */
export function parseCompareIds(value: string | null | undefined): ExperimentRef[] {
  const seen = new Set<string>();
  const refs: ExperimentRef[] = [];
  for (const part of (value ?? '').split(',')) {
    const ref = parseRefId(part.trim());
    if (ref !== null && !seen.has(refId(ref))) {
      seen.add(refId(ref));
      refs.push(ref);
    }
  }
  return refs;
}

export function formatCompareIds(refs: readonly ExperimentRef[]): string {
  return refs.map(refId).join(',');
}
