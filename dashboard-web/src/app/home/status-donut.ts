import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { StatusCount } from '@contract/api-types';
import { StatusBadge } from '../shared/status-badge';
import { DONUT_RADIUS, donutSegments } from './donut-segments';

/** The result-status distribution: a donut for the eye and a legend list for the numbers. */
@Component({
  selector: 'app-status-donut',
  imports: [StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="donut">
      <svg viewBox="0 0 42 42" class="donut__chart" role="img" [attr.aria-label]="summary()">
        <circle cx="21" cy="21" [attr.r]="radius" class="donut__track" />
        @for (segment of segments(); track segment.status) {
          <circle
            cx="21"
            cy="21"
            [attr.r]="radius"
            class="donut__arc"
            [style.stroke]="'var(--' + segment.tone + ')'"
            [attr.stroke-dasharray]="segment.dashArray"
            [attr.stroke-dashoffset]="segment.dashOffset"
            [attr.data-status]="segment.status"
          />
        }
        <text x="21" y="21" class="donut__total">
          {{ total().toLocaleString() }}
        </text>
        <text x="21" y="26.5" class="donut__caption">{{ caption() }}</text>
      </svg>
      <figcaption>
        <ul class="donut__legend" data-testid="status-distribution">
          @for (item of counts(); track item.status) {
            <li>
              <app-status-badge [status]="item.status" />
              <span class="donut__count">{{ item.count.toLocaleString() }}</span>
            </li>
          }
        </ul>
      </figcaption>
    </figure>
  `,
  styles: `
    .donut {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 1.5rem;
      margin: 0;
    }
    .donut__chart {
      width: 9rem;
      height: 9rem;
    }
    .donut__track,
    .donut__arc {
      fill: transparent;
      stroke-width: 5;
    }
    .donut__track {
      stroke: var(--surface-3);
    }
    .donut__total {
      fill: var(--text);
      font-size: 0.5rem;
      font-weight: 700;
      text-anchor: middle;
    }
    .donut__caption {
      fill: var(--text-muted);
      font-size: 0.22rem;
      text-anchor: middle;
    }
    .donut__legend {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.4rem;
    }
    .donut__legend li {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    .donut__count {
      font-weight: 600;
    }
  `,
})
export class StatusDonut {
  readonly counts = input.required<readonly StatusCount[]>();
  readonly caption = input('experiments');
  protected readonly radius = DONUT_RADIUS;
  protected readonly segments = computed(() => donutSegments(this.counts()));
  protected readonly total = computed(() => this.counts().reduce((sum, c) => sum + c.count, 0));
  protected readonly summary = computed(
    () =>
      'Result status distribution: ' +
      this.counts()
        .map((c) => `${c.status} ${c.count}`)
        .join(', '),
  );
}
