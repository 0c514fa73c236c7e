import { MAX_CSV_ROWS, parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('should read quoted fields with delimiters, line breaks and doubled quotes', () => {
    expect(parseCsv('name,note\r\n"a,b","say ""hi""\nagain"\n\nc,\n')).toEqual({
      header: ['name', 'note'],
      rows: [
        ['a,b', 'say "hi"\nagain'],
        ['c', ''],
      ],
      rowCount: 2,
    });
  });

  it('should read TSV with a tab delimiter', () => {
    expect(parseCsv('lr\tloss\n0.1\t0.5', '\t').rows).toEqual([['0.1', '0.5']]);
  });

  it('should keep the first rows of a long file and count them all', () => {
    const text = ['x', ...Array.from({ length: MAX_CSV_ROWS + 5 }, (_, i) => String(i))].join('\n');
    const table = parseCsv(text);
    expect(table.rows).toHaveLength(MAX_CSV_ROWS);
    expect(table.rowCount).toBe(MAX_CSV_ROWS + 5);
  });
});
