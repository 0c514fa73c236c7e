import { Provider, WritableSignal, signal } from '@angular/core';
import { ChangeFeed } from '../app/core/live/change-feed';

/** A change feed the test moves by hand, instead of an EventSource. Test support only. */
export interface StubChangeFeed {
  readonly tick: WritableSignal<number>;
  readonly connected: WritableSignal<boolean | null>;
}

export function stubChangeFeed(): { feed: StubChangeFeed; provider: Provider } {
  const feed: StubChangeFeed = { tick: signal(0), connected: signal<boolean | null>(true) };
  return { feed, provider: { provide: ChangeFeed, useValue: feed } };
}
