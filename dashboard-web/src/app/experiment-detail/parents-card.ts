import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ParentExperiment } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';
import { ValueView } from './value-view';

/** "Parent Experiments": the experiments this one depends on. */
@Component({
  selector: 'app-parents-card',
  imports: [RouterLink, StatusBadge, ShortHashPipe, ValueView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="parents-title" data-testid="parents-card">
      <h2 id="parents-title">Parent Experiments ({{ parents().length }})</h2>
      <ul class="rel-list">
        @for (p of parents(); track p.field_name) {
          <li class="rel-item" data-testid="parent-item">
            <div class="rel-item__head">
              <span class="mono">{{ p.field_name }}</span>
              <span class="muted">:</span>
              <span class="mono" [title]="p.full_class_name">{{ p.class_name }}</span>
              <app-status-badge [status]="p.result_status" />
            </div>
            @if (p.namespace && p.gren_hash) {
              <a [routerLink]="link(p.namespace, p.gren_hash)" data-testid="parent-link"
                >View experiment ({{ p.gren_hash | shortHash }})</a
              >
            } @else {
              <span class="muted">Experiment not found in storage</span>
            }
            @if (p.config) {
              <details>
                <summary>Show config</summary>
                <app-value-view [value]="p.config" />
              </details>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './relations.scss',
})
export class ParentsCard {
  readonly parents = input.required<readonly ParentExperiment[]>();

  protected link(namespace: string, gren_hash: string): string[] {
    return experimentLink({ namespace, gren_hash });
  }
}
