import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { CliIo } from '../cli-io';
import type { SweepCounts, SweepSummary } from '../../sweep/sweep-status';
import { formatCounts, formatOverall } from './format-counts';

/** Shows how a running sweep goes. */
export interface SweepDisplay {
  update(summary: SweepSummary): void;
  /** A line of its own (a failure, a skip): printed above the bars on a terminal. */
  note(line: string): void;
  stop(summary: SweepSummary): void;
}

/** Plain lines at most every `everyMs` (and when a level or the sweep ends): logs, CI, pipes. */
export function lineDisplay(io: CliIo, everyMs = 5_000): SweepDisplay {
  let lastAt = 0;
  let lastSettled: boolean[] = [];
  return {
    update(summary) {
      const settled = summary.levels.map(isSettled);
      const levelEnded = settled.some((value, index) => value && lastSettled[index] !== true);
      lastSettled = settled;
      if (!levelEnded && Date.now() - lastAt < everyMs) return;
      lastAt = Date.now();
      const current = settled.indexOf(false);
      const where = current === -1 ? 'all levels' : `level ${current} (of ${summary.levels.length})`;
      io.stderr.write(
        `gren run: ${where}: ${current === -1 ? '' : `${formatCounts(summary.levels[current] as SweepCounts)} | `}overall ${formatOverall(summary)}\n`,
      );
    },
    note(line) {
      io.stderr.write(`gren run: ${line}\n`);
    },
    stop(summary) {
      io.stderr.write(`gren run: finished: ${formatOverall(summary)}\n`);
    },
  };
}

/** Live bars on a terminal: one per dependency level, and one overall. */
export function barDisplay(stream: NodeJS.WriteStream): SweepDisplay {
  const multi = new MultiBar(
    {
      stream,
      format: '{label} [{bar}] {text}',
      barsize: 20,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      forceRedraw: true,
    },
    Presets.shades_classic,
  );
  const bars: SingleBar[] = [];
  let overall: SingleBar | undefined;
  const draw = (summary: SweepSummary): void => {
    summary.levels.forEach((counts, index) => {
      const total = counts.total;
      const finished = counts.done + counts.failed + counts.skipped + counts.cancelled;
      const payload = { label: `level ${index}`.padEnd(8), text: formatCounts(counts) };
      const bar = (bars[index] ??= multi.create(total, finished, payload));
      bar.setTotal(total);
      bar.update(finished, payload);
    });
    const toCompute = summary.total - summary.cached;
    const finished = summary.done + summary.failed + summary.skipped + summary.cancelled;
    const payload = { label: 'overall '.padEnd(8), text: formatOverall(summary) };
    overall ??= multi.create(Math.max(1, toCompute), finished, payload);
    overall.setTotal(Math.max(1, toCompute));
    overall.update(finished, payload);
  };
  return {
    update: draw,
    note(line) {
      multi.log(`${line}\n`);
    },
    stop(summary) {
      draw(summary);
      multi.stop();
    },
  };
}

function isSettled(counts: SweepCounts): boolean {
  return counts.waiting + counts.queued + counts.running === 0;
}
