import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './cli-io';

/** A progress bar for long operations; silent unless drawing on a terminal. */
export interface Progress {
  start(total: number, label: string): void;
  tick(): void;
  stop(): void;
}

const SILENT: Progress = { start: () => undefined, tick: () => undefined, stop: () => undefined };

/** A cli-progress bar on the terminal's stderr, or a silent one (not a TTY, --json, --no-progress). */
export function createProgress(io: CliIo, enabled: boolean): Progress {
  const stream = io.progressStream;
  if (!enabled || !stream) return SILENT;
  let bar: SingleBar | undefined;
  return {
    start(total, label) {
      bar?.stop();
      bar = new SingleBar(
        { stream, format: `${label} [{bar}] {value}/{total}`, clearOnComplete: true, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    tick() {
      bar?.increment();
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
