import * as fs from 'node:fs';

/**
 * Resolves after `timeoutSec`, or earlier when something in `dir` changes (another process
 * rewrote state.json or released its lock), so waiters react at once instead of a poll later.
 */
export function waitForChange(dir: string, timeoutSec: number): Promise<void> {
  return new Promise((resolve) => {
    let watcher: fs.FSWatcher | undefined;
    const done = (): void => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, timeoutSec * 1000));
    try {
      watcher = fs.watch(dir, { persistent: false }, done);
      watcher.on('error', () => undefined);
    } catch {
      // Watching is an optimisation; the timer still ends the wait.
    }
  });
}
