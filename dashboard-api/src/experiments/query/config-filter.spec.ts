import { DashboardError } from '../../common/errors/dashboard-error';
import { configLeaf, configMatches, leafMatches, parseConfigFilter } from './config-filter';

describe(parseConfigFilter, () => {
  describe('when the filter is well formed', () => {
    it('should split at the first "=" only', () => {
      expect(parseConfigFilter('model.name=a=b')).toEqual({ path: ['model', 'name'], value: 'a=b' });
    });

    it('should keep an empty value (matches an empty string)', () => {
      expect(parseConfigFilter('tag=')).toEqual({ path: ['tag'], value: '' });
    });
  });

  describe('when the filter has no "=" (D3)', () => {
    it('should throw an INVALID_PARAMETER error naming config_filter', () => {
      expect(() => parseConfigFilter('model.lr')).toThrow(DashboardError);
      expect(() => parseConfigFilter('model.lr')).toThrow(/Invalid config_filter: "model.lr" has no "="/);
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

  describe('when the leaf is null or missing (D8)', () => {
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
