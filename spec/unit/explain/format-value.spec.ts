import { Float } from 'gren-ts';
import { formatValue } from '../../../lib/src/explain/format-value';

describe(formatValue, () => {
  it.each([
    [0.0003, '0.0003'],
    [1e-5, '1e-05'],
    [42, '42'],
    [-0, '-0.0'],
    [Float(1), '1.0'],
    [Float(1e16), '1e+16'],
    [2n ** 60n, '1152921504606846976'],
    ['toy', '"toy"'],
    [null, 'null'],
    [true, 'true'],
    [undefined, '(absent)'],
    [[1, 'a'], '[1, "a"]'],
    [{ b: 1 }, '{"b": 1}'],
    [{ __class__: 'p.q.Leaf', name: 'x' }, 'Leaf(name="x")'],
  ])('should print %p as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('should cut long values with an ellipsis', () => {
    const text = formatValue('x'.repeat(500));
    expect(text).toHaveLength(120);
    expect(text.endsWith('…')).toBe(true);
  });
});
