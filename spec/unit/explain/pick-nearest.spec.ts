import type { FieldDifference, NearestArtifact } from 'gren-ts';
import { pickNearest } from '../../../lib/src/explain/pick-nearest';

const change: FieldDifference = { path: 'x', change: 'changed', old: 1, new: 2 };

function artifact(
  hash: string,
  differences: number,
  result: NearestArtifact['result'] = 'success',
  updatedAt = '2026-01-01T00:00:00+00:00',
): NearestArtifact {
  return {
    namespace: 'p.C',
    hash,
    directory: `/s/${hash}`,
    result,
    updatedAt,
    exact: true,
    differences: Array.from({ length: differences }, () => change),
  };
}

describe(pickNearest, () => {
  it('should keep only the artifacts with the fewest differences', () => {
    expect(
      pickNearest([artifact('a', 2), artifact('b', 1), artifact('c', 3), artifact('d', 1)], 5).map((item) => item.hash),
    ).toEqual(['b', 'd']);
  });

  it('should prefer successful, then recently updated artifacts among ties, and honour the limit', () => {
    const picked = pickNearest(
      [
        artifact('a', 1, 'failed'),
        artifact('b', 1, 'success', '2026-01-01T00:00:00+00:00'),
        artifact('c', 1, 'success', '2026-02-01T00:00:00+00:00'),
      ],
      2,
    );
    expect(picked.map((item) => item.hash)).toEqual(['c', 'b']);
  });

  it('should return nothing when nothing was compared', () => {
    expect(pickNearest([], 3)).toEqual([]);
  });
});
