import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ChildExperiment } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';

/** "Child Experiments": the experiments that depend on this one. */
@Component({
  selector: 'app-children-card',
  imports: [RouterLink, StatusBadge, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="children-title" data-testid="children-card">
      <h2 id="children-title">Child Experiments ({{ children().length }})</h2>
      <ul class="rel-list">
        @for (c of children(); track c.namespace + '/' + c.gren_hash + ':' + c.field_name) {
          <li class="rel-item rel-item--row" data-testid="child-item">
            <a [routerLink]="link(c)" [title]="c.full_class_name" data-testid="child-link">{{
              c.class_name
            }}</a>
            <span class="muted"
              >via <span class="mono">{{ c.field_name }}</span></span
            >
            <span class="mono muted">{{ c.gren_hash | shortHash }}</span>
            <app-status-badge [status]="c.result_status" />
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './relations.scss',
})
export class ChildrenCard {
  readonly children = input.required<readonly ChildExperiment[]>();
  protected readonly link = experimentLink;
}
