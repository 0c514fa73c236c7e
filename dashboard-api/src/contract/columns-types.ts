/**
 * new: the JSON shapes of the columns, plot and export routes (config fields and result
 * scalars as columns). Type-only, like api-types.ts: the SPA imports it with `import type`.
 */
import type { ExperimentSummary } from './api-types';

/** A cell: null when the experiment has no such field. Integers beyond 2^53 keep every digit. */
export type ColumnValue = string | number | boolean | null;

/** A row of `GET /api/experiments?columns=…`: the summary and the asked columns' values. */
export interface ExperimentRow extends ExperimentSummary {
  columns?: Record<string, ColumnValue>;
}

export type FieldKind = 'number' | 'string' | 'boolean' | 'null' | 'mixed';

/** One column offered for the selected experiments (`GET /api/fields`). */
export interface FieldInfo {
  /** `config.<dotted.path>` or `result.<key>`. */
  column: string;
  source: 'config' | 'result';
  kind: FieldKind;
  /** Experiments having the field (for results: among those sampled). */
  count: number;
  /** Distinct values seen, at most 50 (`distinct_capped` when there are more). */
  distinct: number;
  distinct_capped: boolean;
  /** The most frequent values, as text (for filter suggestions), at most 20. */
  values: string[];
  /** Namespaces of the classes having the field. */
  classes: string[];
}

export interface FieldCatalog {
  fields: FieldInfo[];
  /** Result fields come from this many most recent experiments per class. */
  result_sample: number;
}

/** One experiment of a plot: its values in the order of `PlotData.columns`. */
export interface PlotPoint {
  namespace: string;
  gren_hash: string;
  result_status: ExperimentSummary['result_status'];
  values: ColumnValue[];
  /** The colour column's value, when one was asked for. */
  color?: ColumnValue;
}

/** `GET /api/plot`: the filtered experiments having every asked column. */
export interface PlotData {
  columns: string[];
  color: string | null;
  /** Experiments matching the filters. */
  total: number;
  /** Of those, how many have every column (points holds the first `max_points` of them). */
  complete: number;
  points: PlotPoint[];
  truncated: boolean;
}
