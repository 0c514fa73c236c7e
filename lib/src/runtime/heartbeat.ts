/**
 * Calls `beat` every `intervalSec` until stopped; `beat` resolving false means the attempt
 * is no longer ours (R4), which stops the heartbeat and is reported through `onLost`.
 */
export function startHeartbeat(intervalSec: number, beat: () => Promise<boolean>, onLost: (reason: string) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      beat().then(
        (ours) => {
          if (stopped) return;
          if (ours) schedule();
          else onLost('another process took over this attempt');
        },
        (error: unknown) => {
          if (stopped) return;
          onLost(`the heartbeat failed: ${(error as Error).message}`);
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
