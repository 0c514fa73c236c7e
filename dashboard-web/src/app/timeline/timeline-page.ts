import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { ExperimentFilters } from '../core/api/experiment-filters';
import { InsightApi } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { ExperimentFiltersForm } from '../experiments/experiment-filters-form';
import { listStateFromParams, listStateToParams } from '../experiments/filters-url';
import { experimentLink } from '../shared/experiment-ref';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { TimelineBar, formatDuration, layOutTimeline } from './timeline-layout';

/** The most attempts drawn at once (the API's largest page). */
export const TIMELINE_LIMIT = 1000;

/**
 * What ran when: the attempts of every experiment the filters select (retries on one row), as
 * bars over time grouped by host, coloured by status. Running and queued bars grow with the clock; a running
 * attempt whose lease expired (nothing renews it: stuck or dead) is marked stale.
 */
@Component({
  selector: 'app-timeline-page',
  imports: [ExperimentFiltersForm, RouterLink, LocalTimePipe, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './timeline-page.html',
  styleUrl: './timeline-page.scss',
})
export class TimelinePage {
  private readonly api = inject(InsightApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly filters = toSignal(
    this.route.queryParams.pipe(map((params) => listStateFromParams(params).filters)),
    { requireSync: true },
  );
  protected readonly timeline = liveQuery(
    () => this.filters(),
    (filters) => this.api.timeline(filters, TIMELINE_LIMIT),
  );
  /** The browser's clock, moved every second while something runs. */
  private readonly now = signal(Date.now());
  protected readonly layout = computed(() => {
    const data = this.timeline().data;
    return data ? layOutTimeline(data.attempts, this.now()) : null;
  });
  protected readonly liveCount = computed(
    () =>
      this.timeline().data?.attempts.filter((a) => a.current && a.attempt_status === 'running')
        .length ?? 0,
  );
  /** Experiments drawn: each has exactly one current attempt. */
  protected readonly experimentCount = computed(
    () => this.timeline().data?.attempts.filter((a) => a.current).length ?? 0,
  );
  protected readonly staleCount = computed(
    () => this.timeline().data?.attempts.filter((a) => a.stale).length ?? 0,
  );
  protected readonly link = experimentLink;
  protected readonly duration = formatDuration;

  protected plural(count: number, noun: string): string {
    return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
  }

  constructor() {
    const timer = setInterval(() => {
      if (this.liveCount() > 0) this.now.set(Date.now());
    }, 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected changeFilters(patch: Partial<ExperimentFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: listStateToParams({ filters: { ...this.filters(), ...patch }, page: 1 }),
    });
  }

  protected describe(bar: TimelineBar): string {
    const a = bar.attempt;
    return [
      `${a.class_name} ${a.gren_hash}`,
      `attempt ${a.attempt_number}${a.current ? '' : ' (earlier)'}: ${a.attempt_status}${a.stale ? ' (stale: its lease expired)' : ''}`,
      `${a.backend} on ${a.hostname ?? 'unknown host'}${a.job_id ? `, job ${a.job_id}` : ''}`,
      `${formatDuration(bar.durationMs)}${bar.live ? ' so far' : ''}`,
    ].join('\n');
  }
}
