import { formatCounts, formatOverall } from '../../../lib/src/cli/sweep/format-counts';
import { formatDuration } from '../../../lib/src/cli/sweep/format-duration';
import { formatPlan } from '../../../lib/src/cli/sweep/format-plan';
import { lineDisplay } from '../../../lib/src/cli/sweep/sweep-display';
import type { CliIo } from '../../../lib/src/cli/cli-io';
import { emptyCounts, type SweepSummary } from '../../../lib/src/sweep/sweep-status';

function summary(changes: Partial<SweepSummary>): SweepSummary {
  return { ...emptyCounts(), elapsedSec: 0, remainingSec: null, levels: [], ...changes };
}

describe('gren run output', () => {
  describe('formatDuration', () => {
    it('should print seconds, minutes and hours compactly', () => {
      expect(formatDuration(4.4)).toBe('4s');
      expect(formatDuration(75.2)).toBe('1m15s');
      expect(formatDuration(3725)).toBe('1h02m05s');
      expect(formatDuration(null)).toBe('?');
    });
  });

  describe('formatCounts', () => {
    it('should count queued and waiting together and show cancelled only when any', () => {
      const counts = { ...emptyCounts(), total: 10, cached: 2, done: 3, running: 1, queued: 2, waiting: 1, failed: 1 };
      expect(formatCounts(counts)).toBe('done 3/8, running 1, queued 3, failed 1, skipped 0');
      expect(formatCounts({ ...counts, cancelled: 2 })).toContain('cancelled 2');
    });

    it('should add cached, elapsed and remaining time overall', () => {
      expect(formatOverall(summary({ total: 4, done: 2, waiting: 2, elapsedSec: 30, remainingSec: 30 }))).toBe(
        'done 2/4, running 0, queued 2, failed 0, skipped 0; cached 0; elapsed 30s, remaining ~30s',
      );
    });
  });

  describe('formatPlan', () => {
    it('should list each level with what it waits for, then the cached configs', () => {
      const text = formatPlan({
        levels: [
          [{ className: 'Leaf', hash: 'a'.repeat(20), directory: '/d/a', requested: false, dependsOn: [] }],
          [{ className: 'Top', hash: 'b'.repeat(20), directory: '/d/b', requested: true, dependsOn: ['a'.repeat(20)] }],
        ],
        cached: [{ className: 'Old', hash: 'c'.repeat(20), directory: '/d/c', requested: true, dependsOn: [] }],
      });
      expect(text).toBe(
        [
          '2 config(s) to compute in 2 level(s); 1 cached.',
          '',
          'level 0 (1):',
          `  Leaf ${'a'.repeat(20)}  (dependency)`,
          '',
          'level 1 (1):',
          `  Top ${'b'.repeat(20)}  after ${'a'.repeat(20)}`,
          '',
          'cached (1):',
          `  Old ${'c'.repeat(20)}`,
          '',
        ].join('\n'),
      );
    });
  });

  describe('lineDisplay', () => {
    it('should print a line when a level ends, and notes and the end on lines of their own', () => {
      let written = '';
      const io = { stderr: { write: (text: string) => (written += text) } } as unknown as CliIo;
      const display = lineDisplay(io, 60_000);
      const level = (done: number, running: number) => ({ ...emptyCounts(), total: 2, done, running });

      const midway = summary({
        total: 4,
        done: 1,
        running: 1,
        waiting: 2,
        levels: [level(1, 1), { ...emptyCounts(), total: 2, waiting: 2 }],
      });
      // The same progress twice prints one line.
      display.update(midway);
      display.update(midway);
      display.update(
        summary({ total: 4, done: 2, waiting: 2, levels: [level(2, 0), { ...emptyCounts(), total: 2, waiting: 2 }] }),
      );
      display.note('failed: X 123: boom');
      display.stop(summary({ total: 4, done: 4, levels: [level(2, 0), level(2, 0)] }));

      const lines = written.trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^gren run: level 0 \(of 2\): done 1\/2, running 1/);
      expect(lines[1]).toMatch(/^gren run: level 1 \(of 2\): done 0\/2/);
      expect(lines[2]).toBe('gren run: failed: X 123: boom');
      expect(lines[3]).toMatch(/^gren run: finished: done 4\/4/);
    });
  });
});
