import { getLogger } from '../logging/gren-logger';

/** What to do for one running computation when the process is told to stop. */
export interface SignalTarget {
  readonly label: string;
  /** Record the attempt as preempted and release its lock. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGUSR2: 12, SIGTERM: 15 };
const DEFAULT_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
const active: { target: SignalTarget; signals: readonly NodeJS.Signals[] }[] = [];
const installed = new Set<NodeJS.Signals>();
let handling = false;
let removal: NodeJS.Immediate | undefined;

export function signalNumber(signal: NodeJS.Signals): number {
  return SIGNAL_NUMBERS[signal] ?? 0;
}

/**
 * Installs signal handlers only while at least one computation runs, and removes them
 * afterwards. On a signal every running computation, innermost first, is recorded as
 * preempted and its lock released; then the process exits with 128 + the signal number
 * (143 for SIGTERM, 130 for SIGINT), as the reference does, but after cleaning up.
 */
export function guardSignals(target: SignalTarget, signals: readonly NodeJS.Signals[] = DEFAULT_SIGNALS): () => void {
  const entry = { target, signals };
  active.push(entry);
  syncHandlers();
  return () => {
    const index = active.lastIndexOf(entry);
    if (index >= 0) active.splice(index, 1);
    removeUnneededHandlersSoon();
  };
}

/**
 * Handlers no computation needs any more are removed at the end of this turn of the event
 * loop, not at once: computations that run back to back (a loop of creates) keep them
 * instead of removing and installing them again each time (each costs system calls). A
 * signal that comes meanwhile gets what it would get without them (see passOn).
 */
function removeUnneededHandlersSoon(): void {
  if (removal) return;
  removal = setImmediate(() => {
    removal = undefined;
    syncHandlers();
  });
  removal.unref();
}

/** Whether a running computation handles `signal` now. */
export function isGuarding(signal: NodeJS.Signals): boolean {
  return active.some((entry) => entry.signals.includes(signal));
}

function syncHandlers(): void {
  const wanted = new Set(active.flatMap((entry) => entry.signals));
  for (const signal of wanted) {
    if (!installed.has(signal)) {
      process.on(signal, onSignal);
      installed.add(signal);
    }
  }
  for (const signal of [...installed]) {
    if (!wanted.has(signal)) {
      process.off(signal, onSignal);
      installed.delete(signal);
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  const code = 128 + signalNumber(signal);
  if (handling) process.exit(code);
  const targets = active
    .filter((entry) => entry.signals.includes(signal))
    .map((entry) => entry.target)
    .reverse();
  if (targets.length === 0) {
    passOn(signal);
    return;
  }
  handling = true;
  void (async () => {
    for (const target of targets) {
      try {
        await target.stop(signal);
      } catch (error) {
        getLogger().error(`signal: could not record ${target.label} as preempted: ${(error as Error).message}`);
      }
    }
    process.exit(code);
  })();
}

/**
 * A signal no computation guards, caught by a handler not removed yet: our handler goes now,
 * and the signal is raised again unless other listeners took it, so the process gets what it
 * would have got without us (by default, death by that signal).
 */
function passOn(signal: NodeJS.Signals): void {
  process.off(signal, onSignal);
  installed.delete(signal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
