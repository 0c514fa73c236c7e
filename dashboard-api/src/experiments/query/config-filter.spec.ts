import { DashboardError } from '../../common/errors/dashboard-error';
import { configLeaf, configMatches, leafMatches, parseConfigFilter } from './config-filter';

describe(parseConfigFilter, () => {
  describe('when the filter is well formed', () => {
    it('should split at the first "=" only', () => {
      expect(parseConfigFilter('model.name=a=b')).toEqual({ path: ['model', 'name'], operator: '=', value: 'a=b' });
    });

    it('should keep an empty value (matches an empty string)', () => {
      expect(parseConfigFilter('tag=')).toEqual({ path: ['tag'], operator: '=', value: '' });
    });
  });

  describe('when the filter has no operator', () => {
    it('should throw an INVALID_PARAMETER error naming config_filter and the operators', () => {
      expect(() => parseConfigFilter('model.lr')).toThrow(DashboardError);
      expect(() => parseConfigFilter('model.lr')).toThrow(
        /Invalid config_filter: "model.lr" has no operator; .*=, !=, <, <=, >, >=/,
      );
    });
  });

  describe('when the filter compares', () => {
    it.each([
      ['lr>=0.001', ['lr'], '>=', '0.001'],
      ['steps<5000', ['steps'], '<', '5000'],
      ['name!=toy', ['name'], '!=', 'toy'],
      ['a.b > 1e-3', ['a', 'b'], '>', '1e-3'],
      ['a<=-inf', ['a'], '<=', '-inf'],
      ['note=x<y', ['note'], '=', 'x<y'],
      ['odd!name=1', ['odd!name'], '=', '1'],
    ])('should read %s at its first operator', (raw, path, operator, value) => {
      expect(parseConfigFilter(raw)).toEqual({ path, operator, value });
    });

    it.each(['lr>=fast', 'steps<', 'n>1.2.3'])('should refuse %s: an ordering needs a number', (raw) => {
      expect(() => parseConfigFilter(raw)).toThrow(/Invalid config_filter: .* is not a number; .* takes a number/);
    });
  });

  describe('when the path is empty or has an empty part', () => {
    it.each(['=1', 'a..b=1', '.a=1'])('should reject %s', (raw) => {
      expect(() => parseConfigFilter(raw)).toThrow(/config_filter.*dotted field path/);
    });
  });
});

describe(leafMatches, () => {
  describe('when the leaf is a number', () => {
    it.each([
      [0.001, '0.001', true],
      [0.001, '1e-3', true],
      [1, '1.0', true],
      [1, '1', true],
      [-0, '0', true],
      [2.5, '2.50', true],
      [2.5, '2.4', false],
      [1, 'one', false],
      [1, '', false],
      [Number.NaN, 'nan', true],
      [Infinity, 'inf', true],
    ])('should compare %p with "%s" numerically → %p', (leaf, value, expected) => {
      expect(leafMatches(leaf, value)).toBe(expected);
    });
  });

  describe('when the leaf is an integer beyond 2^53 (bigint)', () => {
    it('should compare every digit', () => {
      expect(leafMatches(9007199254740993n, '9007199254740993')).toBe(true);
      expect(leafMatches(9007199254740993n, '9007199254740992')).toBe(false);
    });
  });

  describe('when the leaf is a boolean', () => {
    it.each([
      [true, 'true', true],
      [true, 'True', true],
      [false, 'FALSE', true],
      [true, '1', false],
    ])('should take %p for "%s" → %p', (leaf, value, expected) => {
      expect(leafMatches(leaf, value)).toBe(expected);
    });
  });

  describe('when the leaf is null or missing', () => {
    it('should match null and None only for an explicit null', () => {
      expect(leafMatches(null, 'None')).toBe(true);
      expect(leafMatches(null, 'null')).toBe(true);
      expect(leafMatches(undefined, 'None')).toBe(false);
      expect(leafMatches(undefined, 'null')).toBe(false);
    });
  });

  describe('when the leaf is a string', () => {
    it('should compare exactly', () => {
      expect(leafMatches('gpt-4', 'gpt-4')).toBe(true);
      expect(leafMatches('1.0', '1')).toBe(false);
      expect(leafMatches('True', 'True')).toBe(true);
    });
  });

  describe('when the leaf is an object or array', () => {
    it('should never match', () => {
      expect(leafMatches({ a: 1 }, '{"a": 1}')).toBe(false);
      expect(leafMatches([1], '[1]')).toBe(false);
    });
  });
});

describe(configLeaf, () => {
  it('should walk objects and array indices', () => {
    const config = { model: { layers: [{ width: 3 }] } };
    expect(configLeaf(config, ['model', 'layers', '0', 'width'])).toBe(3);
    expect(configLeaf(config, ['model', 'layers', 'x'])).toBeUndefined();
    expect(configLeaf(config, ['model', 'missing'])).toBeUndefined();
  });

  it('should not read inherited properties', () => {
    expect(configLeaf({}, ['constructor'])).toBeUndefined();
  });
});

describe(configMatches, () => {
  const config = { lr: 0.001, model: { name: 'mlp' } };

  it('should AND several filters', () => {
    expect(configMatches(config, [parseConfigFilter('lr=1e-3'), parseConfigFilter('model.name=mlp')])).toBe(true);
    expect(configMatches(config, [parseConfigFilter('lr=1e-3'), parseConfigFilter('model.name=cnn')])).toBe(false);
  });

  it('should not match an artifact without a config', () => {
    expect(configMatches(null, [parseConfigFilter('lr=0.001')])).toBe(false);
  });
});

describe('configMatches with comparisons', () => {
  const config = { lr: 0.001, steps: 4000, name: 'toy', big: 9007199254740993n, note: null, flags: { amp: true } };
  const matches = (...raw: string[]): boolean => configMatches(config, raw.map(parseConfigFilter));

  it.each([
    ['lr>=0.001', true],
    ['lr>1e-3', false],
    ['lr<0.01', true],
    ['steps<5000', true],
    ['steps<=4000', true],
    ['steps>4000', false],
    ['big>9007199254740992', true],
    ['big<9007199254740993', false],
    ['name!=toy', false],
    ['name!=mnist', true],
    ['note!=None', false],
    ['note!=1', true],
    ['name>1', false],
    ['flags.amp<2', false],
    ['flags!=1', false],
    ['missing!=toy', false],
    ['missing<1', false],
    ['lr<inf', true],
  ])('%s → %p', (raw, expected) => {
    expect(matches(raw)).toBe(expected);
  });

  it('should AND comparisons with equalities', () => {
    expect(matches('lr>=0.001', 'steps<5000', 'name!=mnist', 'flags.amp=true')).toBe(true);
    expect(matches('lr>=0.001', 'steps<5000', 'name!=toy')).toBe(false);
  });

  it('should never match NaN with an ordering', () => {
    expect(configMatches({ x: Number.NaN }, [parseConfigFilter('x<inf')])).toBe(false);
  });
});
