import { configLeaf } from '../experiments/query/config-filter';
import type { ArtifactRecord } from '../index/artifact-record';
import type { Column } from './column-name';
import type { ResultCache } from './result-cache';

/** A cell: a scalar, or null when the experiment has no such field (or it is not a scalar). */
export type ColumnValue = string | number | bigint | boolean | null;

/** The value of `column` for one artifact. */
export function columnValue(record: ArtifactRecord, column: Column, results: ResultCache): ColumnValue {
  switch (column.source) {
    case 'summary':
      return record.summary[column.field] ?? null;
    case 'config':
      return scalarOrNull(configLeaf(record.metadata?.config ?? null, column.path));
    case 'result': {
      const scalars = results.scalars(record);
      return Object.hasOwn(scalars, column.key) ? (scalars[column.key] ?? null) : null;
    }
  }
}

function scalarOrNull(value: unknown): ColumnValue {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return value;
    default:
      return null;
  }
}

/** The values of several columns, keyed by column name. */
export function columnValues(
  record: ArtifactRecord,
  columns: readonly Column[],
  results: ResultCache,
): Record<string, ColumnValue> {
  const values: Record<string, ColumnValue> = {};
  for (const column of columns) values[column.name] = columnValue(record, column, results);
  return values;
}
