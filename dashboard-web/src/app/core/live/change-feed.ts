import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { ChangeVersion } from '@contract/api-types';
import { Subscription, catchError, of, switchMap, timer } from 'rxjs';
import { API_BASE, ApiClient } from '../api/api-client';
import { CHANGE_STREAM_FACTORY, ChangeStream } from './event-source-factory';

export const POLL_INTERVAL_MS = 5000;

export type ChangeFeedMode = 'stream' | 'polling';

/**
 * Follows the API's change version: the server-sent events of `/api/changes/stream`, or, when
 * that stream fails, `/api/changes` every 5 s. Views refetch when `tick` moves instead of
 * polling their own (possibly large) lists.
 */
@Injectable({ providedIn: 'root' })
export class ChangeFeed {
  private readonly api = inject(ApiClient);
  private readonly openStream = inject(CHANGE_STREAM_FACTORY);
  private readonly lastVersion = signal<number | null>(null);
  private readonly changes = signal(0);
  private readonly currentMode = signal<ChangeFeedMode>('stream');
  private readonly isConnected = signal<boolean | null>(null);
  private stream: ChangeStream | null = null;
  private polling: Subscription | null = null;

  /** Counts the version moves seen since the app started (the first version read is not one). */
  readonly tick = this.changes.asReadonly();
  readonly version = this.lastVersion.asReadonly();
  readonly mode = this.currentMode.asReadonly();
  /** null until the first answer; false while the API cannot be reached. */
  readonly connected = this.isConnected.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
    this.start();
  }

  private start(): void {
    this.stream = this.openStream(`${API_BASE}/changes/stream`);
    if (this.stream === null) {
      this.startPolling();
      return;
    }
    this.stream.addEventListener('change', (event) => this.accept(parseVersion(event.data)));
    // A stream error may only mean that a proxy does not pass SSE through: polling decides
    // whether the API is really gone.
    this.stream.addEventListener('error', () => this.startPolling());
  }

  private startPolling(): void {
    this.stream?.close();
    this.stream = null;
    if (this.polling !== null) {
      return;
    }
    this.currentMode.set('polling');
    this.polling = timer(0, POLL_INTERVAL_MS)
      .pipe(switchMap(() => this.api.changes().pipe(catchError(() => of(null)))))
      .subscribe((answer: ChangeVersion | null) => {
        if (answer === null) {
          this.isConnected.set(false);
        } else {
          this.accept(answer.version);
        }
      });
  }

  private accept(version: number | null): void {
    if (version === null) {
      return;
    }
    const previous = this.lastVersion();
    const reconnected = this.isConnected() === false;
    this.lastVersion.set(version);
    this.isConnected.set(true);
    // After an outage the views may show an error: refresh them even if nothing changed.
    if ((previous !== null && previous !== version) || reconnected) {
      this.changes.update((n) => n + 1);
    }
  }

  private stop(): void {
    this.stream?.close();
    this.polling?.unsubscribe();
  }
}

function parseVersion(data: string): number | null {
  try {
    const parsed = JSON.parse(data) as Partial<ChangeVersion>;
    return typeof parsed.version === 'number' ? parsed.version : null;
  } catch {
    return null;
  }
}
