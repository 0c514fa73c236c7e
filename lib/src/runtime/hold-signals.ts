import { isGuarding, signalNumber } from './signal-guard';

const HELD: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
/** A held signal is acted on after this long even if no step ends (a worker blocked waiting). */
const HOLD_AT_MOST_MS = 5_000;

/** What a worker does with a stop signal that arrived while no computation was guarding. */
export interface HeldSignals {
  /** The signal received while nothing computed, if any. */
  pending(): NodeJS.Signals | undefined;
  /** Exits with 128 + the pending signal's number, if there is one. */
  exitIfPending(): void;
  dispose(): void;
}

/**
 * A worker is also stopped (scancel, pool shutdown) while it adopts an attempt or records
 * one, when no computation's own handler is installed yet: dying there would leave a state
 * lock behind. So the signal is held: handed to the computation's handler as soon as one
 * guards, or acted on (exit) once the current step is over, or after a few seconds at most.
 */
export function holdSignals(): HeldSignals {
  let pending: NodeJS.Signals | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (isGuarding(signal) || pending) return;
    pending = signal;
    const heldSince = Date.now();
    timer = setInterval(() => {
      if (isGuarding(signal)) {
        clearInterval(timer);
        process.kill(process.pid, signal);
      } else if (Date.now() - heldSince > HOLD_AT_MOST_MS) {
        process.exit(128 + signalNumber(signal));
      }
    }, 50);
    timer.unref();
  };
  for (const signal of HELD) process.on(signal, onSignal);
  return {
    pending: () => pending,
    exitIfPending: () => {
      if (pending) process.exit(128 + signalNumber(pending));
    },
    dispose: () => {
      clearInterval(timer);
      for (const signal of HELD) process.off(signal, onSignal);
    },
  };
}
