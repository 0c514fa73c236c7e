import { className, experimentLink, parseRefId, refId } from './experiment-ref';

describe('experiment-ref', () => {
  const ref = {
    namespace: 'refstore.pipelines.Leaf',
    gren_hash: 'a65a03d18cb6d9070e55',
  };

  it('should round-trip an id', () => {
    expect(refId(ref)).toBe('refstore.pipelines.Leaf/a65a03d18cb6d9070e55');
    expect(parseRefId(refId(ref))).toEqual(ref);
  });

  it('should reject ids without a namespace or a hash', () => {
    expect(parseRefId('nohash')).toBeNull();
    expect(parseRefId('/abc')).toBeNull();
    expect(parseRefId('ns/')).toBeNull();
  });

  it('should link to the detail route and name the class', () => {
    expect(experimentLink(ref)).toEqual([
      '/experiments',
      'refstore.pipelines.Leaf',
      'a65a03d18cb6d9070e55',
    ]);
    expect(className(ref.namespace)).toBe('Leaf');
    expect(className('Plain')).toBe('Plain');
  });
});
