import type { ArtifactRecord } from '../index/artifact-record';
import type { ColumnSort } from './column-name';
import { columnValue, type ColumnValue } from './column-value';
import type { ResultCache } from './result-cache';

/**
 * `records` (in list order) sorted by a column: numbers numerically, then strings, then
 * booleans; experiments without the value last in both directions; ties keep the list order.
 * Keys are read once per record, not per comparison.
 */
export function sortByColumn(
  records: readonly ArtifactRecord[],
  sort: ColumnSort,
  results: ResultCache,
): ArtifactRecord[] {
  const keys = records.map((record) => columnValue(record, sort.column, results));
  const positions = records.map((_, index) => index);
  const direction = sort.descending ? -1 : 1;
  positions.sort((a, b) => {
    const x = keys[a] as ColumnValue;
    const y = keys[b] as ColumnValue;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    return compareValues(x, y) * direction || a - b;
  });
  return positions.map((position) => records[position] as ArtifactRecord);
}

const RANK = { number: 0, bigint: 0, string: 1, boolean: 2 } as const;

export function compareValues(x: Exclude<ColumnValue, null>, y: Exclude<ColumnValue, null>): number {
  const rankX = RANK[typeof x as keyof typeof RANK];
  const rankY = RANK[typeof y as keyof typeof RANK];
  if (rankX !== rankY) return rankX - rankY;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'boolean') return Number(x) - Number(y);
  const a = x as number | bigint;
  const b = y as number | bigint;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
