import { getLogger } from '../logging/gren-logger';

/** What to do for one running computation when the process is told to stop. */
export interface SignalTarget {
  readonly label: string;
  /** Record the attempt as preempted and release its lock. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGTERM: 143, SIGINT: 130 };
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
const active: SignalTarget[] = [];
let handling = false;

/**
 * Installs SIGTERM/SIGINT handlers only while at least one computation runs, and removes
 * them afterwards (B2). On a signal every running computation, innermost first, is recorded
 * as preempted and its lock released (B3); then the process exits with 143/130, as the
 * reference does (but after cleaning up).
 */
export function guardSignals(target: SignalTarget): () => void {
  active.push(target);
  if (active.length === 1) for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    const index = active.lastIndexOf(target);
    if (index >= 0) active.splice(index, 1);
    if (active.length === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

function onSignal(signal: NodeJS.Signals): void {
  const code = EXIT_CODES[signal] ?? 1;
  if (handling) process.exit(code);
  handling = true;
  const targets = [...active].reverse();
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
