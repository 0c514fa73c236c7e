export interface HeartbeatListener {
  /** The attempt is no longer ours (R4): the heartbeat stops. */
  lost(): void;
  /** One beat failed (e.g. a busy disk); the heartbeat keeps going. */
  failed(error: unknown): void;
}

/** Calls `beat` every `intervalSec` until stopped; `beat` resolving false means the attempt is lost. */
export function startHeartbeat(intervalSec: number, beat: () => Promise<boolean>, listener: HeartbeatListener): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      beat().then(
        (ours) => {
          if (stopped) return;
          if (ours) schedule();
          else listener.lost();
        },
        (error: unknown) => {
          if (stopped) return;
          listener.failed(error);
          schedule();
        },
      );
    }, intervalSec * 1000);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
