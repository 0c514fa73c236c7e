import { diffConfigs, flattenConfig } from './config-diff';

describe('flattenConfig', () => {
  it('should flatten nested objects and lists to leaf paths', () => {
    const flat = flattenConfig({
      __class__: 'p.Top',
      middle: { __class__: 'p.Middle', leaf: { value: 3 } },
      extra: { lr: 1e-5 },
      items: [1, { a: true }],
      empty: {},
      none: [],
    });
    expect([...flat.entries()]).toEqual([
      ['__class__', 'p.Top'],
      ['middle.__class__', 'p.Middle'],
      ['middle.leaf.value', 3],
      ['extra.lr', 1e-5],
      ['items[0]', 1],
      ['items[1].a', true],
      ['empty', {}],
      ['none', []],
    ]);
  });
});

describe('diffConfigs', () => {
  const a = { __class__: 'p.Leaf', value: 1, name: 'leaf', opts: { seed: 0 } };
  const b = {
    __class__: 'p.Leaf',
    value: 2,
    name: 'leaf',
    opts: { seed: 0, extra: null },
  };

  it('should flag only the paths where the experiments disagree', () => {
    const rows = diffConfigs([a, b]);
    expect(rows.filter((r) => r.differs).map((r) => r.path)).toEqual(['value', 'opts.extra']);
    expect(rows.find((r) => r.path === 'name')).toEqual({
      path: 'name',
      values: ['"leaf"', '"leaf"'],
      differs: false,
    });
  });

  it('should tell a missing field from a null one', () => {
    const row = diffConfigs([a, b]).find((r) => r.path === 'opts.extra');
    expect(row?.values).toEqual([null, 'null']);
  });

  it('should tell a number from the same digits in a string', () => {
    const rows = diffConfigs([{ x: 1 }, { x: '1' }]);
    expect(rows).toEqual([{ path: 'x', values: ['1', '"1"'], differs: true }]);
  });

  it('should keep the order of first appearance across all configs', () => {
    expect(diffConfigs([{ b: 1 }, { a: 1, b: 1 }, { c: 1 }]).map((r) => r.path)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('should compare three or more experiments', () => {
    const rows = diffConfigs([{ v: 1 }, { v: 1 }, { v: 2 }]);
    expect(rows[0]).toEqual({
      path: 'v',
      values: ['1', '1', '2'],
      differs: true,
    });
  });

  it('should show an experiment without a configuration as missing everywhere', () => {
    expect(diffConfigs([{ v: 1 }, null])).toEqual([
      { path: 'v', values: ['1', null], differs: true },
    ]);
  });
});
