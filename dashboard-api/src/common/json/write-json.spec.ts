import { FloatValue } from 'gren';
import { writeJson } from './write-json';

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
});
