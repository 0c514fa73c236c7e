import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { StaleChange, StaleInfo } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';

/**
 * "Stale Config": how the stored config differs from its class as declared now, and the
 * declared migration that maps it to its new identity (or why none does).
 */
@Component({
  selector: 'app-stale-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="stale-title" data-testid="stale-card">
      <h2 id="stale-title">Stale Config <span class="badge badge--pending">stale</span></h2>
      <p class="muted">
        This stored config no longer fits {{ stale().class_name ?? 'its class' }} as the code declares it now.
      </p>
      <ul class="stale-changes">
        @for (change of stale().changes; track change.kind + change.field) {
          <li data-testid="stale-change">{{ describe(change) }}</li>
        }
      </ul>
      @if (stale().mapping; as m) {
        <p data-testid="stale-mapping">
          Maps to
          <a [routerLink]="target()" class="mono">{{ m.namespace }}/{{ m.gren_hash }}</a>
          by <span class="mono">{{ m.steps.join('; ') }}</span>
          (<span class="mono">gren migrate</span> links it; a loadOrCreate reuses it).
        </p>
      } @else {
        <p class="error-text" data-testid="stale-unmapped">No declared migration maps it: {{ stale().unmapped_reason }}</p>
      }
    </section>
  `,
  styles: `
    .stale-changes {
      margin: 0.25rem 0 0.5rem;
      padding-left: 1.25rem;
    }
  `,
})
export class StaleCard {
  readonly stale = input.required<StaleInfo>();

  protected readonly target = computed(() => {
    const mapping = this.stale().mapping;
    return mapping ? experimentLink({ namespace: mapping.namespace, gren_hash: mapping.gren_hash }) : null;
  });

  protected describe(change: StaleChange): string {
    switch (change.kind) {
      case 'missing':
        return `${change.field}: missing (the class has it now)`;
      case 'extra':
        return `${change.field}: stored, but no longer declared (value ${JSON.stringify(change.value)})`;
      case 'renamed':
        return `${change.field}: renamed to ${change.to ?? '?'}`;
      case 'moved':
        return `${change.field || 'the class'}: moved from ${change.from ?? '?'}`;
    }
  }
}
