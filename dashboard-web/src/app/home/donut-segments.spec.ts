import { donutSegments } from './donut-segments';

describe('donutSegments', () => {
  it('should give each status its share and start each arc where the previous ended', () => {
    const segments = donutSegments([
      { status: 'failed', count: 1 },
      { status: 'incomplete', count: 1 },
      { status: 'success', count: 2 },
    ]);
    expect(segments.map((s) => [s.status, s.percent, s.dashOffset])).toEqual([
      ['failed', 25, 25],
      ['incomplete', 25, 0],
      ['success', 50, -25],
    ]);
    expect(segments[2]!.dashArray).toBe('50 50');
    expect(segments.map((s) => s.tone)).toEqual(['failed', 'pending', 'success']);
  });

  it('should leave out statuses without experiments', () => {
    expect(
      donutSegments([
        { status: 'success', count: 3 },
        { status: 'failed', count: 0 },
      ]),
    ).toHaveLength(1);
  });

  it('should draw nothing when there is nothing to count', () => {
    expect(donutSegments([])).toEqual([]);
    expect(donutSegments([{ status: 'success', count: 0 }])).toEqual([]);
  });
});
