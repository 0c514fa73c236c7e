import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiClient } from '../core/api/api-client';
import { emptyFilters } from '../core/api/experiment-filters';
import { liveQuery } from '../core/live/live-query';
import { experimentLink } from '../shared/experiment-ref';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { StatusBadge } from '../shared/status-badge';
import { HealthBadge } from './health-badge';
import { StatusDonut } from './status-donut';

export const RECENT_LIMIT = 5;

@Component({
  selector: 'app-home-page',
  imports: [RouterLink, StatusBadge, LocalTimePipe, HealthBadge, StatusDonut],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly api = inject(ApiClient);
  protected readonly health = liveQuery(
    () => null,
    () => this.api.health(),
  );
  protected readonly stats = liveQuery(
    () => null,
    () => this.api.stats(),
  );
  protected readonly recent = liveQuery(
    () => null,
    () =>
      this.api.experiments({
        filters: emptyFilters(),
        limit: RECENT_LIMIT,
        offset: 0,
      }),
  );
  protected readonly experimentLink = experimentLink;

  /** Template `?.` yields null, not undefined, while the stats load. */
  protected format(value: number | null | undefined): string {
    return value === null || value === undefined ? '...' : value.toLocaleString();
  }
}
