import { formatCompareIds, parseCompareIds } from './compare-ids';

describe('compare ids', () => {
  it('should parse the ids parameter, dropping bad and repeated entries', () => {
    expect(parseCompareIds('p.Leaf/aaa, p.Leaf/bbb,,junk,p.Leaf/aaa')).toEqual([
      { namespace: 'p.Leaf', gren_hash: 'aaa' },
      { namespace: 'p.Leaf', gren_hash: 'bbb' },
    ]);
    expect(parseCompareIds(null)).toEqual([]);
  });

  it('should format refs back into the parameter', () => {
    const value = 'p.Leaf/aaa,p.Leaf/bbb';
    expect(formatCompareIds(parseCompareIds(value))).toBe(value);
  });
});
