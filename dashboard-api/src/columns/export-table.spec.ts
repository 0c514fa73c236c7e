import { csvCell } from './export-table';
import { compareValues } from './sort-by-column';

describe(csvCell, () => {
  it.each([
    [null, ''],
    [0.001, '0.001'],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'true'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1+2', "'+1+2"],
    ['@sum', "'@sum"],
    ['-0.5', '-0.5'],
    ['-x', "'-x"],
  ])('%p → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe(compareValues, () => {
  it('should put numbers before strings before booleans, and order each kind', () => {
    const values = [true, 'b', 2, 'a', 10n, false, 1.5];
    expect([...values].sort(compareValues)).toEqual([1.5, 2, 10n, 'a', 'b', false, true]);
  });

  it('should put NaN after the other numbers', () => {
    expect([Number.NaN, 3, 1].sort(compareValues)).toEqual([1, 3, Number.NaN]);
  });
});
