import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConfigDifference } from '@contract/insight-types';
import { InsightApi } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { experimentLink } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';
import { similarSummary } from './similar-summary';

/** How many nearest configs are shown. */
const NEAREST = 5;

/**
 * The nearest stored configs of the same class and the fields that differ (`gren explain`'s
 * rule). On an absent, failed or unfinished experiment this says why nothing usable is stored.
 */
@Component({
  selector: 'app-similar-card',
  imports: [RouterLink, StatusBadge, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="similar-title" data-testid="similar-card">
      <h2 id="similar-title">Similar experiments</h2>
      @let s = similar();
      @if (s.status === 'error') {
        <p class="error-text" role="alert">{{ s.error?.message }}</p>
      } @else if (s.data; as data) {
        <p data-testid="similar-summary">{{ summary() }}</p>
        @for (n of data.nearest; track n.gren_hash) {
          <div class="similar" data-testid="similar-row">
            <div class="similar__head">
              <a class="mono" [routerLink]="link(n)">{{ n.gren_hash | shortHash: 12 }}</a>
              <app-status-badge [status]="n.result_status" />
              <span class="muted">
                {{
                  n.differences.length === 0
                    ? 'same config'
                    : n.differences.length +
                      (n.differences.length === 1 ? ' field differs' : ' fields differ')
                }}
              </span>
            </div>
            @if (n.differences.length > 0) {
              <table class="similar__diff">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">There</th>
                    <th scope="col">Here</th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of n.differences; track d.path) {
                    <tr data-testid="similar-difference">
                      <td class="mono">{{ d.path }}</td>
                      <td class="mono">{{ show(d, 'other') }}</td>
                      <td class="mono">
                        {{ show(d, 'this')
                        }}{{ sameText(d) ? ' (integer vs float: they hash differently)' : '' }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            }
          </div>
        }
      } @else {
        <p class="muted">Comparing...</p>
      }
    </section>
  `,
  styles: `
    .similar {
      padding: 0.5rem 0;
      border-top: 1px solid var(--border);
    }
    .similar__head {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      margin-bottom: 0.3rem;
    }
    .similar__diff {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .similar__diff th,
    .similar__diff td {
      text-align: left;
      padding: 0.15rem 0.4rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class SimilarCard {
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();
  readonly resultStatus = input.required<string>();

  private readonly api = inject(InsightApi);
  private readonly ref = computed(() => ({ namespace: this.namespace(), hash: this.hash() }));
  protected readonly similar = liveQuery(this.ref, (r) =>
    this.api.similar(r.namespace, r.hash, NEAREST),
  );
  protected readonly summary = computed(() => {
    const data = this.similar().data;
    return data ? similarSummary(this.resultStatus(), data) : '';
  });
  protected readonly link = experimentLink;

  protected show(difference: ConfigDifference, side: 'other' | 'this'): string {
    return side in difference ? JSON.stringify(difference[side]) : '(absent)';
  }

  protected sameText(difference: ConfigDifference): boolean {
    return (
      difference.change === 'changed' &&
      this.show(difference, 'other') === this.show(difference, 'this')
    );
  }
}
