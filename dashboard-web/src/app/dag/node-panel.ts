import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DAGExperiment, DAGNode } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';

/** The side panel of a selected class: its counts and a link to every experiment. */
@Component({
  selector: 'app-node-panel',
  imports: [RouterLink, StatusBadge, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let n = node();
    <aside class="card panel" aria-labelledby="panel-title" data-testid="dag-panel">
      <div class="card__head">
        <h2 id="panel-title">{{ n.class_name }}</h2>
        <button
          type="button"
          (click)="closed.emit()"
          aria-label="Close panel"
          data-testid="dag-panel-close"
        >
          ✕
        </button>
      </div>
      <p class="mono muted panel__full">{{ n.full_class_name }}</p>
      <div class="panel__badges">
        <span class="badge badge--plain">{{ n.total_count }} experiments</span>
        @if (n.success_count > 0) {
          <span class="badge badge--success">{{ n.success_count }} success</span>
        }
        @if (n.running_count > 0) {
          <span class="badge badge--running">{{ n.running_count }} running</span>
        }
        @if (n.failed_count > 0) {
          <span class="badge badge--failed">{{ n.failed_count }} failed</span>
        }
      </div>
      @if (n.experiments.length === 0) {
        <p class="muted">
          No experiments of this class are stored (it is only used as a dependency).
        </p>
      } @else {
        @if (n.experiments.length < n.total_count) {
          <p class="muted" data-testid="dag-panel-partial">
            The {{ n.experiments.length }} most recently updated of {{ n.total_count }}:
            <a [routerLink]="['/experiments']" [queryParams]="{ namespace: n.full_class_name }"
              >all in the list</a
            >.
          </p>
        }
        <ul class="panel__list">
          @for (e of n.experiments; track e.namespace + '/' + e.gren_hash) {
            <li>
              <a class="mono" [routerLink]="link(e)" data-testid="dag-panel-link">{{
                e.gren_hash | shortHash: 12
              }}</a>
              <app-status-badge [status]="e.attempt_status ?? e.result_status" />
              <button
                type="button"
                class="panel__lineage"
                title="Highlight what it depends on and what uses it"
                (click)="lineage.emit(e)"
                data-testid="dag-panel-lineage"
              >
                Lineage
              </button>
            </li>
          }
        </ul>
      }
    </aside>
  `,
  styles: `
    .panel {
      margin: 0;
    }
    .panel__full {
      margin: 0 0 0.75rem;
      overflow-wrap: anywhere;
    }
    .panel__badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-bottom: 0.75rem;
    }
    .panel__list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 55vh;
      overflow: auto;
    }
    .panel__lineage {
      font-size: 0.75rem;
      padding: 0.1rem 0.4rem;
    }
    .panel__list li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      padding: 0.3rem 0;
      border-bottom: 1px solid var(--border);
    }
  `,
})
export class NodePanel {
  readonly node = input.required<DAGNode>();
  readonly closed = output();
  /** Highlight this experiment's upstream and downstream. */
  readonly lineage = output<DAGExperiment>();
  protected readonly link = experimentLink;
}
