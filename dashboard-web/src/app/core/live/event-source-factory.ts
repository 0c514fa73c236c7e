import { InjectionToken } from '@angular/core';

/** The part of `EventSource` the change feed uses, so tests can hand in their own. */
export interface ChangeStream {
  addEventListener(type: 'change', listener: (event: MessageEvent<string>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  close(): void;
}

/** Opens a server-sent-events stream, or answers null where the browser has no EventSource. */
export type ChangeStreamFactory = (url: string) => ChangeStream | null;

export const CHANGE_STREAM_FACTORY = new InjectionToken<ChangeStreamFactory>(
  'CHANGE_STREAM_FACTORY',
  {
    providedIn: 'root',
    factory: () => (url) =>
      typeof EventSource === 'undefined' ? null : (new EventSource(url) as ChangeStream),
  },
);
