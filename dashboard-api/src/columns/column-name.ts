import { DashboardError } from '../common/errors/dashboard-error';

/** The list fields a column can also name (sort by class, by update time…). */
export const SUMMARY_COLUMNS = [
  'namespace',
  'gren_hash',
  'class_name',
  'result_status',
  'attempt_status',
  'attempt_number',
  'updated_at',
  'started_at',
  'backend',
  'hostname',
  'user',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** A column: a list field, a config field (`config.model.lr`) or a result scalar (`result.loss`). */
export type Column =
  | { readonly name: string; readonly source: 'summary'; readonly field: SummaryColumn }
  | { readonly name: string; readonly source: 'config'; readonly path: readonly string[] }
  | { readonly name: string; readonly source: 'result'; readonly key: string };

export const MAX_COLUMNS = 20;
const MAX_NAME_LENGTH = 256;
const SUMMARY_SET: ReadonlySet<string> = new Set(SUMMARY_COLUMNS);

/** Parses one column name; `parameter` names the query parameter in the error. */
export function parseColumn(raw: string, parameter: string): Column {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw DashboardError.invalidParameter(parameter, `a column name has 1 to ${MAX_NAME_LENGTH} characters`);
  }
  if (SUMMARY_SET.has(name)) return { name, source: 'summary', field: name as SummaryColumn };
  if (name.startsWith('config.')) {
    const path = name.slice('config.'.length).split('.');
    if (path.some((part) => part.length === 0)) {
      throw DashboardError.invalidParameter(parameter, `"${name}" has an empty part; write config.<dotted.path>`);
    }
    return { name, source: 'config', path };
  }
  if (name.startsWith('result.') && name.length > 'result.'.length) {
    return { name, source: 'result', key: name.slice('result.'.length) };
  }
  throw DashboardError.invalidParameter(
    parameter,
    `"${name}" is not a column; write config.<dotted.path> (a config field), result.<key> (a value of the result file) or one of ${SUMMARY_COLUMNS.join(', ')}`,
  );
}

/**
 * The columns of a `columns` parameter: repeated and/or comma-separated, duplicates dropped,
 * at most MAX_COLUMNS.
 */
export function parseColumns(values: readonly string[] | undefined, parameter = 'columns'): Column[] {
  const names = (values ?? []).flatMap((value) => value.split(',')).filter((name) => name.trim() !== '');
  const unique = [...new Set(names.map((name) => name.trim()))];
  if (unique.length > MAX_COLUMNS) {
    throw DashboardError.invalidParameter(parameter, `${unique.length} columns; ask for at most ${MAX_COLUMNS}`);
  }
  return unique.map((name) => parseColumn(name, parameter));
}

/** A `sort` value: a column, descending when it starts with "-". */
export interface ColumnSort {
  readonly column: Column;
  readonly descending: boolean;
}

export function parseSort(raw: string | undefined): ColumnSort | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const descending = text.startsWith('-');
  return { column: parseColumn(descending ? text.slice(1) : text, 'sort'), descending };
}
