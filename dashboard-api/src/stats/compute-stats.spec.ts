import { summarizeInvalid } from 'gren-ts/store';
import { hashOf, makeRecord } from '../testing/make-record';
import { computeStats } from './compute-stats';

describe(computeStats, () => {
  it('should count statuses that occur, sorted by name, with unreadable ones as "invalid"', () => {
    const day = new Date(Date.UTC(2026, 0, 1));
    const invalid = makeRecord({ namespace: 'a.B', hash: hashOf(9) });
    invalid.summary = summarizeInvalid('a.B', hashOf(9), 'broken');
    const stats = computeStats([
      makeRecord({
        namespace: 'a.B',
        hash: hashOf(1),
        state: { result: 'success', updatedAt: day, attempt: { status: 'success', startedAt: day } },
      }),
      makeRecord({
        namespace: 'a.B',
        hash: hashOf(2),
        state: { result: 'failed', updatedAt: day, attempt: { status: 'failed', startedAt: day } },
      }),
      makeRecord({
        namespace: 'a.B',
        hash: hashOf(3),
        state: { result: 'incomplete', updatedAt: day, attempt: { status: 'running', startedAt: day } },
      }),
      makeRecord({
        namespace: 'a.B',
        hash: hashOf(4),
        state: { result: 'incomplete', updatedAt: day, attempt: { status: 'queued', startedAt: day } },
      }),
      makeRecord({ namespace: 'a.B', hash: hashOf(5), state: { result: 'absent', updatedAt: null } }),
      invalid,
    ]);
    expect(stats).toEqual({
      total: 6,
      by_result_status: [
        { status: 'absent', count: 1 },
        { status: 'failed', count: 1 },
        { status: 'incomplete', count: 2 },
        { status: 'invalid', count: 1 },
        { status: 'success', count: 1 },
      ],
      by_attempt_status: [
        { status: 'failed', count: 1 },
        { status: 'queued', count: 1 },
        { status: 'running', count: 1 },
        { status: 'success', count: 1 },
      ],
      running_count: 1,
      queued_count: 1,
      failed_count: 1,
      success_count: 1,
    });
  });

  it('should give zeros for an empty store', () => {
    expect(computeStats([])).toEqual({
      total: 0,
      by_result_status: [],
      by_attempt_status: [],
      running_count: 0,
      queued_count: 0,
      failed_count: 0,
      success_count: 0,
    });
  });
});
