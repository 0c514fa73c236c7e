import { ariaSort, cellText, nextSort } from './sort-state';

describe(nextSort, () => {
  it('should go ascending, descending, then back to the default order', () => {
    expect(nextSort('', 'config.lr')).toBe('config.lr');
    expect(nextSort('config.lr', 'config.lr')).toBe('-config.lr');
    expect(nextSort('-config.lr', 'config.lr')).toBe('');
    expect(nextSort('-result.loss', 'config.lr')).toBe('config.lr');
  });
});

describe(ariaSort, () => {
  it('should name the direction of the sorted column only', () => {
    expect(ariaSort('config.lr', 'config.lr')).toBe('ascending');
    expect(ariaSort('-config.lr', 'config.lr')).toBe('descending');
    expect(ariaSort('-config.lr', 'updated_at')).toBe('none');
  });
});

describe(cellText, () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    [0.123456789, '0.123457'],
    [1e-7, '1e-7'],
    [5000, '5000'],
    [true, 'true'],
    ['toy', 'toy'],
  ])('%p → %s', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
