export interface HeartbeatListener {
  /** The attempt is no longer ours: the heartbeat stops. */
  lost(): void;
  /** One beat failed, or was skipped because the previous one is still waiting; the heartbeat keeps going. */
  failed(error: unknown): void;
}

/**
 * Calls `beat` every `intervalSec` until stopped; `beat` resolving false means the attempt is
 * lost. The cadence never waits for a beat: a renewal stuck behind a lock (a network store
 * that answers slowly) costs that beat only, the next ones are tried on time, and never two
 * at once. The lease spans several beats, so a live holder keeps it through a stall.
 */
export function startHeartbeat(
  intervalSec: number,
  beat: () => Promise<boolean>,
  listener: HeartbeatListener,
): () => void {
  let stopped = false;
  let inFlight = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    if (stopped) return;
    schedule();
    if (inFlight) {
      listener.failed(new Error(`the previous lease renewal is still waiting (more than ${intervalSec} s)`));
      return;
    }
    inFlight = true;
    beat().then(
      (ours) => {
        inFlight = false;
        if (stopped || ours) return;
        stop();
        listener.lost();
      },
      (error: unknown) => {
        inFlight = false;
        if (!stopped) listener.failed(error);
      },
    );
  };
  const schedule = (): void => {
    timer = setTimeout(tick, intervalSec * 1000);
    timer.unref();
  };
  const stop = (): void => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
  schedule();
  return stop;
}
