import { artifactKey, artifactRef, className, namespaceAndHash } from 'gren-ts/store';

describe(namespaceAndHash, () => {
  it('should take the last segment as the hash and the others as the namespace', () => {
    expect(namespaceAndHash(['my_project', 'Train', 'abc'])).toEqual({ namespace: 'my_project.Train', hash: 'abc' });
  });

  it('should give nothing for a folder right below a root or the root itself: they have no namespace', () => {
    expect(namespaceAndHash(['Train'])).toBeUndefined();
    expect(namespaceAndHash([])).toBeUndefined();
  });
});

describe(artifactKey, () => {
  it('should tell the roots apart where a reference does not', () => {
    expect(artifactKey('git', 'p.T', 'h')).toBe('git:p.T/h');
    expect(artifactRef('p.T', 'h')).toBe('p.T/h');
    expect(className('p.models.T')).toBe('T');
    expect(className('T')).toBe('T');
  });
});
