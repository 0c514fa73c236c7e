/** At most this many rows are shown; the viewer says how many there were. */
export const MAX_CSV_ROWS = 500;

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Data rows in the file (beyond MAX_CSV_ROWS some are not in `rows`). */
  readonly rowCount: number;
}

/**
 * RFC 4180 CSV (or TSV with `\t`): fields in double quotes may hold the delimiter, line breaks
 * and doubled quotes; the first record is the header. Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = (): void => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n') endRecord();
    else if (char !== '\r') field += char;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  const [header = [], ...rows] = records;
  return { header, rows: rows.slice(0, MAX_CSV_ROWS), rowCount: rows.length };
}
