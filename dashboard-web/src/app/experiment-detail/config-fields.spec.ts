import { isGrenObject, parseFieldPath, pathKey, splitConfig } from './config-fields';

describe('splitConfig', () => {
  it('should separate dependencies (objects with __class__) from parameters, keeping order', () => {
    const fields = splitConfig({
      __class__: 'refstore.pipelines.Top',
      middle: { __class__: 'refstore.pipelines.Middle', scale: 0.0003 },
      label: 'top ✓',
      extra: { lr: 1e-5, steps: 1000 },
      items: [1, 2],
    });
    expect(fields.parameters).toEqual([
      ['label', 'top ✓'],
      ['extra', { lr: 1e-5, steps: 1000 }],
      ['items', [1, 2]],
    ]);
    expect(fields.dependencies).toEqual([
      {
        field: 'middle',
        classString: 'refstore.pipelines.Middle',
        fields: { scale: 0.0003 },
      },
    ]);
  });

  it('should find nothing in an object with only a class', () => {
    expect(splitConfig({ __class__: 'a.B' })).toEqual({
      parameters: [],
      dependencies: [],
    });
  });

  it('should not take a non-string __class__ for a Gren object', () => {
    expect(isGrenObject({ __class__: 3 })).toBe(false);
    expect(isGrenObject([{ __class__: 'x' }])).toBe(false);
    expect(isGrenObject(null)).toBe(false);
  });
});

describe('parseFieldPath', () => {
  it('should read names, indexes and quoted keys as the API writes them', () => {
    expect(parseFieldPath('dataset')).toEqual(['dataset']);
    expect(parseFieldPath('opt.data')).toEqual(['opt', 'data']);
    expect(parseFieldPath('members[1]')).toEqual(['members', 1]);
    expect(parseFieldPath('models["a.b"][0]')).toEqual(['models', 'a.b', 0]);
  });

  it('should give null for what it cannot read', () => {
    expect(parseFieldPath('')).toBeNull();
    expect(parseFieldPath('a[')).toBeNull();
  });

  it('should key equal paths alike', () => {
    expect(pathKey(parseFieldPath('models["a"]') ?? [])).toBe(pathKey(['models', 'a']));
  });
});
