import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { InsightApi } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { experimentLink, refId } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';

/** Rows shown before "show all". */
const FIRST_ROWS = 20;

/**
 * "Used by": every experiment depending on this one, directly or through others, with counts
 * per class; and how many it depends on itself. Links to the DAG page highlighting both sides.
 */
@Component({
  selector: 'app-used-by-card',
  imports: [RouterLink, StatusBadge, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="used-by-title" data-testid="used-by-card">
      <div class="card__head">
        <h2 id="used-by-title">Used by</h2>
        <a [routerLink]="['/dag']" [queryParams]="{ experiment: id() }" data-testid="used-by-dag-link">Show in DAG</a>
      </div>
      @let l = lineage();
      @if (l.status === 'error') {
        <p class="error-text" role="alert">{{ l.error?.message }}</p>
      } @else if (l.data; as data) {
        <p class="muted" data-testid="used-by-summary">
          @if (data.downstream.total === 0) {
            No stored experiment uses this one.
          } @else {
            {{ data.downstream.total }} experiment{{ data.downstream.total === 1 ? '' : 's' }} use this one,
            directly or through others.
          }
          It depends on {{ data.upstream.total }} stored experiment{{ data.upstream.total === 1 ? '' : 's' }}.
        </p>
        @if (data.downstream.by_class.length > 0) {
          <ul class="counts" data-testid="used-by-classes">
            @for (c of data.downstream.by_class; track c.namespace) {
              <li>
                <a [routerLink]="['/experiments']" [queryParams]="{ namespace: c.namespace }" [title]="c.namespace">{{
                  c.class_name
                }}</a>
                <span class="badge badge--plain">{{ c.count }}</span>
              </li>
            }
          </ul>
          <ul class="list" data-testid="used-by-list">
            @for (e of shown(); track e.namespace + '/' + e.gren_hash) {
              <li data-testid="used-by-row">
                <a class="mono" [routerLink]="link(e)" [title]="e.namespace">{{ e.class_name }} {{ e.gren_hash | shortHash: 10 }}</a>
                <span class="muted">{{ e.depth === 1 ? 'direct' : 'via ' + (e.depth - 1) }}</span>
                <app-status-badge [status]="e.result_status" />
              </li>
            }
          </ul>
          @if (!showAll() && data.downstream.experiments.length > shown().length) {
            <button type="button" (click)="showAll.set(true)">Show all {{ data.downstream.experiments.length }}</button>
          }
        }
      } @else {
        <p class="muted">Loading...</p>
      }
    </section>
  `,
  styles: `
    .counts,
    .list {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6rem;
    }
    .list {
      max-height: 20rem;
      overflow: auto;
    }
    .list li {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.2rem 0;
      border-bottom: 1px solid var(--border);
    }
  `,
})
export class UsedByCard {
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();

  private readonly api = inject(InsightApi);
  private readonly ref = computed(() => ({ namespace: this.namespace(), gren_hash: this.hash() }));
  protected readonly id = computed(() => refId(this.ref()));
  protected readonly lineage = liveQuery(this.ref, (r) => this.api.lineage(r.namespace, r.gren_hash));
  protected readonly showAll = signal(false);
  protected readonly shown = computed(() => {
    const all = this.lineage().data?.downstream.experiments ?? [];
    return this.showAll() ? all : all.slice(0, FIRST_ROWS);
  });
  protected readonly link = experimentLink;
}
