import type { GrenSettings } from '../settings/gren-settings';
import type { GrenRuntime } from './gren-runtime';
import { holdSignals } from './hold-signals';
import { messageOf } from './run-attempt';
import { runWorker, type WorkerEnvironment } from './run-worker';

/** A job sent by a process pool to one of its workers (over the IPC channel). */
export interface PoolJobMessage {
  readonly payload: string;
}

/** The worker's answer once the job ended. */
export interface PoolResultMessage {
  readonly payload: string;
  readonly outcome: 'created' | 'already_done' | 'cancelled' | 'failed';
  readonly message?: string;
}

/**
 * `gren-worker --serve`: a long-lived pool worker. It runs the payloads its parent sends, one
 * at a time, each exactly as a one-shot worker would (same attempt adoption, state, logs and
 * signal handling), and exits when the parent disconnects.
 */
export function serveWorker(runtime: GrenRuntime, settings: GrenSettings, environment: () => WorkerEnvironment): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('gren-worker --serve must be started by a process pool (with an IPC channel).');
  let chain = Promise.resolve();
  let busy = 0;
  const held = holdSignals();
  // Idle when the pool stops it: exit at once; busy: once the job is over (or its computation
  // took the signal over and exits itself).
  const whenIdle = setInterval(() => {
    if (busy === 0) held.exitIfPending();
  }, 50);
  whenIdle.unref();
  process.on('message', (message: PoolJobMessage) => {
    busy += 1;
    chain = chain.then(async () => {
      held.exitIfPending();
      let result: PoolResultMessage;
      try {
        result = {
          payload: message.payload,
          outcome: await runWorker(runtime, settings, message.payload, environment()),
        };
      } catch (error) {
        result = { payload: message.payload, outcome: 'failed', message: messageOf(error) };
      }
      busy -= 1;
      send(result);
      held.exitIfPending();
    });
  });
  process.on('disconnect', () => {
    void chain.then(() => process.exit(0));
  });
}
