import type { ColumnValue as ContractValue, PlotData, PlotPoint } from '../contract/columns-types';
import type { ArtifactRecord } from '../index/artifact-record';
import type { Column } from './column-name';
import type { ColumnValue } from './column-value';

/** Fills `values` with the record's columns, stopping at the first missing one (false). */
function readAll(
  record: ArtifactRecord,
  columns: readonly Column[],
  values: ColumnValue[],
  valueOf: (record: ArtifactRecord, column: Column) => ColumnValue,
): boolean {
  for (let at = 0; at < columns.length; at += 1) {
    const value = valueOf(record, columns[at] as Column);
    if (value === null) return false;
    values[at] = value;
  }
  return true;
}

/** A value as a chart takes it: integers beyond 2^53 as the nearest double. */
function plottable(value: ColumnValue): ContractValue {
  return typeof value === 'bigint' ? Number(value) : value;
}

/**
 * The plot of the filtered experiments (list order, most recent first): those having a value
 * in every column, at most `maxPoints` of them; the colour column may be missing.
 */
export function plotPoints(
  records: readonly ArtifactRecord[],
  columns: readonly Column[],
  color: Column | undefined,
  maxPoints: number,
  valueOf: (record: ArtifactRecord, column: Column) => ColumnValue,
): PlotData {
  const points: PlotPoint[] = [];
  const values: ColumnValue[] = new Array<ColumnValue>(columns.length);
  let complete = 0;
  for (const record of records) {
    if (!readAll(record, columns, values, valueOf)) continue;
    complete += 1;
    if (points.length >= maxPoints) continue;
    const point: PlotPoint = {
      namespace: record.namespace,
      gren_hash: record.hash,
      result_status: record.summary.result_status,
      values: values.map(plottable),
    };
    if (color) point.color = plottable(valueOf(record, color));
    points.push(point);
  }
  return {
    columns: columns.map((column) => column.name),
    color: color?.name ?? null,
    total: records.length,
    complete,
    points,
    truncated: complete > points.length,
  };
}
