/**
 * Merges patches that arrive in quick succession and hands them on once the input has been
 * quiet for `delayMs` (typing in a text filter), or at once on `flush` (a select changed).
 */
export class PatchDebouncer<T extends object> {
  private pending: Partial<T> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly emit: (patch: Partial<T>) => void,
  ) {}

  push(patch: Partial<T>): void {
    this.pending = { ...this.pending, ...patch };
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Emits what is pending together with `patch`, now. */
  flush(patch: Partial<T> = {}): void {
    this.clearTimer();
    const merged = { ...this.pending, ...patch };
    this.pending = null;
    if (Object.keys(merged).length > 0) {
      this.emit(merged);
    }
  }

  cancel(): void {
    this.clearTimer();
    this.pending = null;
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
