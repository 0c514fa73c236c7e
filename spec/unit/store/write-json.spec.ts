import { FloatValue } from 'gren-ts';
import { MAX_JSON_DEPTH, TOO_DEEP, writeJson } from 'gren-ts/store';

describe(writeJson, () => {
  it('should write big integers with every digit and keep Python floats as floats', () => {
    expect(
      writeJson({
        big: 9007199254740993n,
        one: new FloatValue(1),
        neg: new FloatValue(-0),
        e: new FloatValue(1e22),
        x: 0.5,
      }),
    ).toBe('{"big":9007199254740993,"one":1.0,"neg":-0.0,"e":1e+22,"x":0.5}');
  });

  it('should write what JSON cannot hold as null and skip undefined fields', () => {
    expect(writeJson({ a: Number.NaN, b: Infinity, c: undefined, d: [undefined], s: 'é"\n' })).toBe(
      '{"a":null,"b":null,"d":[null],"s":"é\\"\\n"}',
    );
  });

  it('should agree with JSON.stringify on plain data', () => {
    const value = { a: [1, 'two', { three: true, four: null }], b: -1.5e-7, c: '' };
    expect(writeJson(value)).toBe(JSON.stringify(value));
  });

  // Found by test/fuzz-api.e2e.spec.ts: a state.json nested 5,000 deep made the detail a 500.
  describe('when a value is nested deeper than the limit', () => {
    const nested = (depth: number): unknown => {
      let value: unknown = 'leaf';
      for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { k: value };
      return value;
    };

    it('should write it up to the limit and the marker below, without overflowing', () => {
      const text = writeJson({ state: nested(100_000) });
      expect(text.length).toBeLessThan(4 * MAX_JSON_DEPTH + 200);
      expect(text).toContain(JSON.stringify(TOO_DEEP));
      expect(JSON.parse(text)).toBeDefined();
    });

    it('should write values within the limit completely', () => {
      expect(writeJson(nested(MAX_JSON_DEPTH - 1))).toBe(JSON.stringify(nested(MAX_JSON_DEPTH - 1)));
    });
  });
});
