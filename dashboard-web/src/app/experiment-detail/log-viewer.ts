import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  InjectionToken,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { EMPTY, Observable, catchError, exhaustMap, timer } from 'rxjs';
import type { ExperimentLog } from '@contract/api-types';
import { ApiClient } from '../core/api/api-client';
import { liveQuery } from '../core/live/live-query';

/** How often a running attempt's log is re-read; a token so tests can shorten it. */
export const LOG_FOLLOW_INTERVAL_MS = new InjectionToken<number>('LOG_FOLLOW_INTERVAL_MS', {
  providedIn: 'root',
  factory: () => 2000,
});
export const TAIL_CHOICES: readonly number[] = [100, 200, 1000, 5000];

/**
 * The tail of the artifact's `gren.log`. While the attempt runs and "Follow" is on, it is
 * re-read every 2 s (a log line does not necessarily move the index version) and kept scrolled
 * to the end unless the reader scrolled up.
 */
@Component({
  selector: 'app-log-viewer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './log-viewer.html',
  styleUrl: './log-viewer.scss',
})
export class LogViewer {
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();
  readonly running = input(false);

  private readonly api = inject(ApiClient);
  private readonly followInterval = inject(LOG_FOLLOW_INTERVAL_MS);
  protected readonly tailChoices = TAIL_CHOICES;
  protected readonly tail = signal(200);
  protected readonly follow = signal(true);
  protected readonly following = computed(() => this.running() && this.follow());
  protected readonly log = liveQuery(
    () => ({
      ns: this.namespace(),
      hash: this.hash(),
      tail: this.tail(),
      following: this.following(),
    }),
    (p): Observable<ExperimentLog> => {
      const read = (): Observable<ExperimentLog> => this.api.log(p.ns, p.hash, p.tail);
      return p.following
        ? // A slow read is not cancelled nor piled up: ticks during it are skipped.
          timer(0, this.followInterval).pipe(exhaustMap(() => read().pipe(catchError(() => EMPTY))))
        : read();
    },
  );
  protected readonly text = computed(() => this.log().data?.lines.join('\n') ?? '');

  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private stickToEnd = true;

  constructor() {
    afterRenderEffect(() => {
      this.text();
      const box = this.box()?.nativeElement;
      if (box && this.stickToEnd) {
        box.scrollTop = box.scrollHeight;
      }
    });
  }

  protected scrolled(box: HTMLElement): void {
    this.stickToEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 8;
  }

  protected setTail(event: Event): void {
    this.tail.set(Number((event.target as HTMLSelectElement).value));
  }

  protected setFollow(event: Event): void {
    this.follow.set((event.target as HTMLInputElement).checked);
    this.stickToEnd = true;
  }
}
