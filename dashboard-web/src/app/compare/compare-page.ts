import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ExperimentDetail, ExperimentSummary } from '@contract/api-types';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { ApiError, toApiError } from '../core/api/api-error';
import { emptyFilters } from '../core/api/experiment-filters';
import { liveQuery } from '../core/live/live-query';
import { isJsonObject } from '../experiment-detail/config-fields';
import { ExperimentRef, className, experimentLink, refId } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';
import { formatCompareIds, parseCompareIds } from './compare-ids';
import { diffConfigs } from './config-diff';

export interface CompareColumn {
  readonly ref: ExperimentRef;
  readonly detail: ExperimentDetail | null;
  readonly error: ApiError | null;
}

/** Enough for a picker; a class with more experiments is rare and the list says so. */
export const PICKER_LIMIT = 200;

@Component({
  selector: 'app-compare-page',
  imports: [RouterLink, StatusBadge, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare-page.html',
  styleUrl: './compare-page.scss',
})
export class ComparePage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly refs = toSignal(
    this.route.queryParamMap.pipe(map((params) => parseCompareIds(params.get('ids')))),
    { requireSync: true },
  );
  protected readonly onlyDifferences = signal(false);

  protected readonly columns = liveQuery(
    () => this.refs(),
    (refs): Observable<CompareColumn[]> =>
      refs.length === 0
        ? of([])
        : forkJoin(
            refs.map((ref) =>
              this.api.experiment(ref.namespace, ref.gren_hash).pipe(
                map((detail): CompareColumn => ({ ref, detail, error: null })),
                catchError((error: unknown) =>
                  of<CompareColumn>({
                    ref,
                    detail: null,
                    error: toApiError(error),
                  }),
                ),
              ),
            ),
          ),
  );

  protected readonly namespaces = computed(() => [...new Set(this.refs().map((r) => r.namespace))]);
  protected readonly rows = computed(() => {
    const columns = this.columns().data ?? [];
    return diffConfigs(columns.map((c) => this.config(c.detail)));
  });
  protected readonly visibleRows = computed(() =>
    this.onlyDifferences() ? this.rows().filter((r) => r.differs) : this.rows(),
  );
  protected readonly differenceCount = computed(() => this.rows().filter((r) => r.differs).length);

  /** Other experiments of the (first) class, to add to the comparison. */
  protected readonly candidates = liveQuery(
    () => this.namespaces()[0] ?? null,
    (namespace): Observable<ExperimentSummary[]> =>
      namespace === null
        ? of([])
        : this.api
            .experiments({
              filters: { ...emptyFilters(), namespace },
              limit: PICKER_LIMIT,
              offset: 0,
            })
            // The namespace filter is a prefix match: keep this class only.
            .pipe(map((list) => list.experiments.filter((e) => e.namespace === namespace))),
  );
  protected readonly addable = computed(() => {
    const chosen = new Set(this.refs().map(refId));
    return (this.candidates().data ?? []).filter((e) => !chosen.has(refId(e)));
  });

  protected readonly link = experimentLink;
  protected readonly className = className;
  protected readonly refId = refId;

  protected toggleOnlyDifferences(event: Event): void {
    this.onlyDifferences.set((event.target as HTMLInputElement).checked);
  }

  protected add(ref: ExperimentRef): void {
    this.setRefs([...this.refs(), { namespace: ref.namespace, gren_hash: ref.gren_hash }]);
  }

  protected remove(ref: ExperimentRef): void {
    this.setRefs(this.refs().filter((r) => refId(r) !== refId(ref)));
  }

  private setRefs(refs: readonly ExperimentRef[]): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ids: refs.length === 0 ? null : formatCompareIds(refs) },
    });
  }

  private config(detail: ExperimentDetail | null): unknown {
    const obj = detail?.metadata?.['gren_obj'];
    return isJsonObject(obj) ? obj : null;
  }
}
