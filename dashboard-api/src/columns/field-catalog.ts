import type { FieldCatalog } from '../contract/columns-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { configLeaves } from './config-leaves';
import { FieldStats } from './field-stats';
import type { ResultCache } from './result-cache';

/** Result fields are looked up in this many most recent artifacts of each class. */
export const RESULT_SAMPLE = 200;

/**
 * The columns offered for the artifacts under a namespace prefix: every scalar config field
 * (from the index's configs) and the result keys of each class's most recent artifacts.
 */
export function buildFieldCatalog(
  sorted: readonly ArtifactRecord[],
  namespacePrefix: string,
  results: ResultCache,
): FieldCatalog {
  const config = new Map<string, FieldStats>();
  const result = new Map<string, FieldStats>();
  const sampled = new Map<string, number>();
  const stats = (fields: Map<string, FieldStats>, column: string): FieldStats => {
    let found = fields.get(column);
    if (!found) fields.set(column, (found = new FieldStats()));
    return found;
  };
  for (const record of sorted) {
    if (!record.namespace.startsWith(namespacePrefix)) continue;
    for (const leaf of configLeaves(record.metadata))
      stats(config, `config.${leaf.path}`).add(leaf.value, record.namespace);
    const seen = sampled.get(record.namespace) ?? 0;
    if (seen >= RESULT_SAMPLE) continue;
    sampled.set(record.namespace, seen + 1);
    for (const [key, value] of Object.entries(results.scalars(record)))
      stats(result, `result.${key}`).add(value, record.namespace);
  }
  const infos = (fields: Map<string, FieldStats>, source: 'config' | 'result') =>
    [...fields.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([column, field]) => field.info(column, source));
  return { fields: [...infos(config, 'config'), ...infos(result, 'result')], result_sample: RESULT_SAMPLE };
}
