import type { TimelineAttempt } from '@contract/insight-types';
import { useTimeZone } from '../../testing/time-zone';
import { formatDuration, layOutTimeline } from './timeline-layout';

function attempt(patch: Partial<TimelineAttempt>): TimelineAttempt {
  return {
    namespace: 'p.Train',
    gren_hash: 'a'.repeat(20),
    class_name: 'Train',
    result_status: 'success',
    attempt_number: 1,
    attempt_status: 'success',
    backend: 'local',
    hostname: 'n1',
    user: 'alice',
    started_at: '2026-03-01T10:00:00+00:00',
    ended_at: '2026-03-01T10:30:00+00:00',
    heartbeat_at: null,
    lease_expires_at: null,
    job_id: null,
    stale: false,
    current: true,
    ...patch,
  };
}

const NOW = Date.parse('2026-03-01T11:00:00Z');

describe('layOutTimeline', () => {
  useTimeZone('UTC');

  it('should place bars by time over the whole span, running ones ending now', () => {
    const layout = layOutTimeline(
      [
        attempt({ gren_hash: '1'.repeat(20) }),
        attempt({
          gren_hash: '2'.repeat(20),
          attempt_status: 'running',
          started_at: '2026-03-01T10:30:00+00:00',
          ended_at: null,
        }),
      ],
      NOW,
    );
    const bars = layout.lanes[0]?.rows.flatMap((row) => row.bars) ?? [];
    expect(bars.map((bar) => [bar.leftPercent, bar.widthPercent, bar.tone, bar.live])).toEqual([
      [0, 50, 'success', false],
      [50, 50, 'running', true],
    ]);
    expect(bars[1]?.durationMs).toBe(30 * 60_000);
  });

  it('should group by host, named hosts first, each lane by start', () => {
    const layout = layOutTimeline(
      [
        attempt({ hostname: null, gren_hash: '1'.repeat(20) }),
        attempt({
          hostname: 'n2',
          gren_hash: '2'.repeat(20),
          started_at: '2026-03-01T10:20:00+00:00',
        }),
        attempt({
          hostname: 'n2',
          gren_hash: '3'.repeat(20),
          started_at: '2026-03-01T10:10:00+00:00',
        }),
        attempt({ hostname: 'n1', gren_hash: '4'.repeat(20) }),
      ],
      NOW,
    );
    expect(
      layout.lanes.map((lane) => [lane.host, lane.rows.map((row) => row.key.slice(-1))]),
    ).toEqual([
      ['n1', ['4']],
      ['n2', ['3', '2']],
      ['unknown host', ['1']],
    ]);
  });

  it('should colour a stale running attempt apart and keep an instant attempt visible', () => {
    const layout = layOutTimeline(
      [
        attempt({ attempt_status: 'running', ended_at: null, stale: true }),
        attempt({
          gren_hash: 'b'.repeat(20),
          attempt_status: 'failed',
          ended_at: '2026-03-01T10:00:00+00:00',
        }),
      ],
      NOW,
    );
    const bars = layout.lanes[0]?.rows.flatMap((row) => row.bars) ?? [];
    expect(bars.map((bar) => bar.tone)).toEqual(['invalid', 'failed']);
    expect(bars[1]?.widthPercent).toBeGreaterThan(0);
  });

  it("should put an experiment's retries on one row, in order of start", () => {
    const layout = layOutTimeline(
      [
        attempt({
          attempt_number: 2,
          started_at: '2026-03-01T10:40:00+00:00',
          ended_at: '2026-03-01T10:50:00+00:00',
        }),
        attempt({
          attempt_number: 1,
          attempt_status: 'crashed',
          current: false,
          ended_at: '2026-03-01T10:40:00+00:00',
        }),
      ],
      NOW,
    );
    expect(layout.lanes[0]?.rows).toHaveLength(1);
    expect(
      layout.lanes[0]?.rows[0]?.bars.map((bar) => [bar.attempt.attempt_number, bar.tone]),
    ).toEqual([
      [1, 'failed'],
      [2, 'success'],
    ]);
  });

  it('should label round times across the span', () => {
    const layout = layOutTimeline([attempt({ ended_at: null, attempt_status: 'running' })], NOW);
    expect(layout.ticks.map((tick) => tick.label)).toEqual([
      '10:00',
      '10:10',
      '10:20',
      '10:30',
      '10:40',
      '10:50',
      '11:00',
    ]);
    expect(layout.ticks.map((tick) => tick.percent)).toEqual(
      [0, 100 / 6, 200 / 6, 50, 400 / 6, 500 / 6, 100].map((p) => expect.closeTo(p, 9)),
    );
  });

  it('should give nothing for no attempts', () => {
    expect(layOutTimeline([], NOW).lanes).toEqual([]);
  });
});

describe('formatDuration', () => {
  it.each([
    [12_000, '12 s'],
    [200_000, '3 min 20 s'],
    [3_900_000, '1 h 5 min'],
    [3 * 86_400_000 + 3_600_000, '3 d 1 h'],
  ])('should write %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
