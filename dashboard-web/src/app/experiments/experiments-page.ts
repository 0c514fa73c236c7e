import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ExperimentSummary } from '@contract/api-types';
import { map } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { ColumnsClient, exportUrl } from '../core/api/columns-client';
import { ExperimentFilters, hasActiveFilter } from '../core/api/experiment-filters';
import { liveQuery } from '../core/live/live-query';
import { ColumnPicker } from './column-picker';
import { CompareSelection } from './compare-selection';
import { ExperimentFiltersForm } from './experiment-filters-form';
import { ExperimentsTable } from './experiments-table';
import { ListState, listStateFromParams, listStateToParams } from './filters-url';

export const PAGE_SIZE = 20;

@Component({
  selector: 'app-experiments-page',
  imports: [ExperimentFiltersForm, ExperimentsTable, ColumnPicker, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './experiments-page.html',
  styleUrl: './experiments-page.scss',
})
export class ExperimentsPage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly columnsClient = inject(ColumnsClient);

  /** The URL is the single source of truth, so links can be shared and back/forward work. */
  protected readonly state = toSignal(this.route.queryParams.pipe(map(listStateFromParams)), {
    requireSync: true,
  });
  protected readonly list = liveQuery(
    () => this.state(),
    (s) =>
      this.api.experiments({
        filters: s.filters,
        limit: PAGE_SIZE,
        offset: (s.page - 1) * PAGE_SIZE,
        columns: s.columns ?? [],
        sort: s.sort ?? '',
      }),
  );
  /** Config fields and result keys of the listed classes: the column picker and filter hints. */
  protected readonly fields = liveQuery(
    () => this.state().filters.namespace,
    (namespace) => this.columnsClient.fields(namespace),
  );
  protected readonly fieldList = computed(() => this.fields().data?.fields ?? []);
  protected readonly columns = computed(() => this.state().columns ?? []);
  protected readonly sort = computed(() => this.state().sort ?? '');
  protected readonly csvUrl = computed(() =>
    exportUrl('csv', this.state().filters, this.columns(), this.sort()),
  );
  protected readonly jsonUrl = computed(() =>
    exportUrl('json', this.state().filters, this.columns(), this.sort()),
  );
  /** The plots page, on the same filters. */
  protected readonly plotParams = computed(() => {
    const { page: _page, sort: _sort, ...rest } = this.state();
    return listStateToParams({ ...rest, page: 1 });
  });
  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil((this.list().data?.total ?? 0) / PAGE_SIZE)),
  );
  protected readonly filtered = computed(() => hasActiveFilter(this.state().filters));

  protected readonly selection = signal(new CompareSelection());
  protected readonly selectedIds = computed(() => this.selection().ids);
  protected readonly compareProblem = computed(() => this.selection().problem());

  protected changeFilters(patch: Partial<ExperimentFilters>): void {
    // Any filter change starts again at the first page.
    this.go({ filters: { ...this.state().filters, ...patch }, page: 1 });
  }

  protected changeColumns(columns: string[]): void {
    const sort = this.sort();
    // A sort by a column no longer shown goes too.
    const kept = sort !== '' && !columns.includes(sort.replace(/^-/, '')) && /^(config|result)\./.test(sort.replace(/^-/, ''));
    this.go({ ...this.state(), columns, ...(kept ? { sort: '' } : {}) });
  }

  protected changeSort(sort: string): void {
    this.go({ ...this.state(), sort, page: 1 });
  }

  protected goToPage(page: number): void {
    this.go({ ...this.state(), page });
  }

  protected toggle(experiment: ExperimentSummary): void {
    this.selection.update((s) => s.toggled(experiment));
  }

  protected clearSelection(): void {
    this.selection.set(new CompareSelection());
  }

  protected compare(): void {
    void this.router.navigate(['/compare'], {
      queryParams: { ids: this.selection().queryValue() },
    });
  }

  private go(state: ListState): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: listStateToParams(state),
    });
  }
}
