import { configLeaves, leafDistance } from './leaf-distance';

describe(configLeaves, () => {
  it('should flatten objects and arrays to leaf paths, keeping empty ones as leaves', () => {
    expect([...configLeaves({ a: { b: [1, { c: 'x' }] }, e: {}, big: 10n })]).toEqual([
      ['.a.b[0]', '1'],
      ['.a.b[1].c', '"x"'],
      ['.e', '{}'],
      ['.big', '10n'],
    ]);
  });
});

describe(leafDistance, () => {
  it('should count changed leaves and leaves on one side only', () => {
    const a = configLeaves({ lr: 0.1, steps: 10, extra: true });
    const b = configLeaves({ lr: 0.2, steps: 10, other: 'x' });
    expect(leafDistance(a, b)).toBe(3);
    expect(leafDistance(a, a)).toBe(0);
  });
});
