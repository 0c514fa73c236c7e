import { ChangeStream } from '../app/core/live/event-source-factory';

/** A hand-driven stand-in for EventSource (jsdom has none). Test support only. */
export class FakeChangeStream implements ChangeStream {
  readonly urls: string[] = [];
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emitChange(data: string): void {
    for (const listener of this.listeners.get('change') ?? []) {
      listener(new MessageEvent('change', { data }));
    }
  }

  emitError(): void {
    for (const listener of this.listeners.get('error') ?? []) {
      listener(new MessageEvent('error'));
    }
  }
}
