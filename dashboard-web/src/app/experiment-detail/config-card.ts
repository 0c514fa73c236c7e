import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ParentExperiment } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { StatusBadge } from '../shared/status-badge';
import { JsonObject, parseFieldPath, pathKey, splitConfig } from './config-fields';
import { DependencyLinks, ValueView } from './value-view';

/** "Configuration": parameters, and dependencies linked to the experiments they resolve to. */
@Component({
  selector: 'app-config-card',
  imports: [RouterLink, StatusBadge, ValueView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="config-title" data-testid="config-card">
      <h2 id="config-title">Configuration</h2>
      @let f = fields();
      @if (f.parameters.length === 0 && f.dependencies.length === 0) {
        <p class="muted">No configuration parameters</p>
      } @else {
        @if (f.parameters.length > 0) {
          <details open class="config__section">
            <summary>Parameters ({{ f.parameters.length }})</summary>
            <dl class="config__list">
              @for (p of f.parameters; track p[0]) {
                <div class="config__row">
                  <dt class="mono">{{ p[0] }}</dt>
                  <dd>
                    <app-value-view [value]="p[1]" [path]="[p[0]]" [links]="links()" />
                  </dd>
                </div>
              }
            </dl>
          </details>
        }
        @if (f.dependencies.length > 0) {
          <details open class="config__section">
            <summary>Dependencies (Embedded Config) ({{ f.dependencies.length }})</summary>
            @for (d of f.dependencies; track d.field) {
              @let parent = parentOf(d.field);
              <div class="config__dep" [attr.data-field]="d.field">
                <div class="config__dep-head">
                  <span class="mono">{{ d.field }}</span>
                  @if (parent?.namespace && parent?.gren_hash) {
                    <a
                      class="mono"
                      [routerLink]="link(parent!.namespace!, parent!.gren_hash!)"
                      data-testid="dependency-link"
                      >{{ d.classString }}</a
                    >
                    <app-status-badge [status]="parent!.result_status" />
                  } @else {
                    <span class="mono">{{ d.classString }}</span>
                  }
                </div>
                <app-value-view [value]="d.fields" />
              </div>
            }
          </details>
        }
      }
    </section>
  `,
  styles: `
    .config__section {
      margin-bottom: 0.75rem;
    }
    .config__list {
      margin: 0.5rem 0 0;
    }
    .config__row {
      display: flex;
      gap: 1rem;
      padding: 0.2rem 0;
      border-bottom: 1px solid var(--border);
    }
    .config__row > dt {
      min-width: 10rem;
      color: var(--text-muted);
    }
    .config__row > dd {
      margin: 0;
      min-width: 0;
    }
    .config__dep {
      margin: 0.5rem 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-left: 3px solid var(--primary);
      background: var(--surface-2);
      border-radius: var(--radius);
    }
    .config__dep-head {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 0.35rem;
    }
  `,
})
export class ConfigCard {
  readonly config = input.required<JsonObject>();
  readonly parents = input<readonly ParentExperiment[]>([]);
  protected readonly fields = computed(() => splitConfig(this.config()));
  /** Dependencies below the top level (in lists or nested objects), by their place. */
  protected readonly links = computed((): DependencyLinks => {
    const links = new Map<string, ParentExperiment>();
    for (const parent of this.parents()) {
      const steps = parseFieldPath(parent.field_name);
      if (steps !== null && steps.length > 1) {
        links.set(pathKey(steps), parent);
      }
    }
    return links;
  });

  protected parentOf(field: string): ParentExperiment | undefined {
    return this.parents().find((p) => p.field_name === field);
  }

  protected link(namespace: string, gren_hash: string): string[] {
    return experimentLink({ namespace, gren_hash });
  }
}
