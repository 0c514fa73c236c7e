import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReusedBy, ReusedFrom } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { StatusBadge } from '../shared/status-badge';

/**
 * "Reused Result": where this experiment's result lives when a declared migration let it reuse
 * an earlier identity's (no data was copied), and which experiments reuse this one's result.
 */
@Component({
  selector: 'app-reuse-card',
  imports: [RouterLink, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="reuse-title" data-testid="reuse-card">
      <h2 id="reuse-title">Reused Result</h2>
      @if (reusedFrom(); as from) {
        <p class="rel-item--row" data-testid="reused-from">
          <span>Reused from</span>
          <a [routerLink]="link(from)" class="mono">{{ from.namespace }}/{{ from.gren_hash }}</a>
          <app-status-badge [status]="from.result_status" />
          <span
            >by <span class="mono">{{ from.steps.join('; ') }}</span></span
          >
        </p>
        @if (from.result_present) {
          <p class="muted" data-testid="reused-result-directory">
            Its data is read from <span class="mono">{{ from.result_directory }}</span>.
          </p>
        } @else {
          <p class="error-text" data-testid="reused-result-gone">
            The data in <span class="mono">{{ from.result_directory }}</span> is gone: the next
            loadOrCreate computes again.
          </p>
        }
      }
      @if (linkError(); as error) {
        <p class="error-text" data-testid="result-link-error">
          Its result link cannot be followed: {{ error }}
        </p>
      }
      @if (reusedBy().length > 0) {
        <p>Reused by (their result is read from here: keep this experiment):</p>
        <ul class="rel-list">
          @for (r of reusedBy(); track r.namespace + '/' + r.gren_hash) {
            <li class="rel-item rel-item--row" data-testid="reused-by">
              <a [routerLink]="link(r)" class="mono">{{ r.namespace }}/{{ r.gren_hash }}</a>
              <app-status-badge [status]="r.result_status" />
            </li>
          }
        </ul>
      }
    </section>
  `,
  styleUrl: './relations.scss',
})
export class ReuseCard {
  readonly reusedFrom = input<ReusedFrom | null>(null);
  readonly linkError = input<string | null>(null);
  readonly reusedBy = input<readonly ReusedBy[]>([]);
  protected readonly link = experimentLink;
}
