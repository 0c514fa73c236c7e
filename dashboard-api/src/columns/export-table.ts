import { writeJson } from 'gren-ts/store';
import type { ArtifactRecord } from '../index/artifact-record';
import { SUMMARY_COLUMNS, type Column } from './column-name';
import { columnValue, type ColumnValue } from './column-value';
import type { ResultCache } from './result-cache';

/** Every export starts with these list fields, then the chosen columns. */
const EXPORT_FIELDS = SUMMARY_COLUMNS.filter((field) => field !== 'attempt_number');

/** The table as CSV (RFC 4180, CRLF line ends) or as a JSON array of flat objects. */
export function exportTable(
  records: readonly ArtifactRecord[],
  columns: readonly Column[],
  format: 'csv' | 'json',
  results: ResultCache,
): string {
  const names = [...EXPORT_FIELDS, ...columns.map((column) => column.name).filter((name) => !isField(name))];
  const extra = columns.filter((column) => !isField(column.name));
  const rowOf = (record: ArtifactRecord): ColumnValue[] => [
    ...EXPORT_FIELDS.map((field) => record.summary[field] ?? null),
    ...extra.map((column) => columnValue(record, column, results)),
  ];
  if (format === 'json') {
    const objects = records.map((record) =>
      Object.fromEntries<ColumnValue>(
        rowOf(record).map((value, at): [string, ColumnValue] => [names[at] as string, value]),
      ),
    );
    return writeJson(objects);
  }
  const lines = [names.map(csvCell).join(',')];
  for (const record of records) lines.push(rowOf(record).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function isField(name: string): boolean {
  return (EXPORT_FIELDS as readonly string[]).includes(name);
}

/**
 * One CSV cell: empty for a missing value; quoted when it holds a comma, a quote or a line
 * break. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first, and not a
 * number) gets a leading apostrophe.
 */
export function csvCell(value: ColumnValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !Number.isFinite(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
