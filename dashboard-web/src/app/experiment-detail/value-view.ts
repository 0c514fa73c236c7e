import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ParentExperiment } from '@contract/api-types';
import { experimentLink } from '../shared/experiment-ref';
import { StatusBadge } from '../shared/status-badge';
import { ConfigPathStep, isGrenObject, isJsonObject, pathKey } from './config-fields';

type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** Stored dependencies by the key (`pathKey`) of where they sit in the config. */
export type DependencyLinks = ReadonlyMap<string, ParentExperiment>;

const NO_LINKS: DependencyLinks = new Map();

/**
 * A JSON value as a tree: scalars colour-coded by type, objects and lists nested. A gren
 * object found at a path listed in `links` (a dependency inside a list or a nested object)
 * shows its class as a link to the stored experiment.
 */
@Component({
  selector: 'app-value-view',
  imports: [RouterLink, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (kind()) {
      @case ('object') {
        @if (entries().length === 0) {
          <span class="value--null">{{ '{}' }}</span>
        } @else {
          <dl class="tree">
            @for (entry of entries(); track entry[0]) {
              <div class="tree__row">
                <dt class="mono">{{ entry[0] }}</dt>
                <dd>
                  @if (entry[0] === '__class__' && dependency(); as parent) {
                    <span class="tree__dep">
                      <a
                        class="mono"
                        [routerLink]="parentLink(parent)"
                        data-testid="dependency-link"
                        >{{ entry[1] }}</a
                      >
                      <app-status-badge [status]="parent.result_status" />
                    </span>
                  } @else {
                    <app-value-view
                      [value]="entry[1]"
                      [path]="childPath(entry[0])"
                      [links]="links()"
                    />
                  }
                </dd>
              </div>
            }
          </dl>
        }
      }
      @case ('array') {
        @if (entries().length === 0) {
          <span class="value--null">[]</span>
        } @else {
          <ol class="tree tree--list" start="0">
            @for (entry of entries(); track entry[0]) {
              <li>
                <app-value-view [value]="entry[1]" [path]="childPath(entry[0])" [links]="links()" />
              </li>
            }
          </ol>
        }
      }
      @case ('string') {
        <span class="mono value--string">"{{ value() }}"</span>
      }
      @case ('null') {
        <span class="mono value--null">null</span>
      }
      @default {
        <span class="mono" [class]="'mono value--' + kind()">{{ value() }}</span>
      }
    }
  `,
  styles: `
    .tree {
      margin: 0;
      padding-left: 0;
    }
    .tree__row {
      display: flex;
      gap: 0.75rem;
      padding: 0.1rem 0;
    }
    .tree__row > dt {
      color: var(--text-muted);
      min-width: 8rem;
    }
    .tree__row > dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .tree--list {
      padding-left: 1.5rem;
    }
    .tree__dep {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
  `,
})
export class ValueView {
  readonly value = input<unknown>(null);
  /** Where this value sits in the configuration (only needed with `links`). */
  readonly path = input<readonly ConfigPathStep[]>([]);
  readonly links = input<DependencyLinks>(NO_LINKS);

  /** The stored experiment this value is, when it is a linked dependency. */
  protected readonly dependency = computed((): ParentExperiment | null => {
    const links = this.links();
    if (links.size === 0 || !isGrenObject(this.value())) {
      return null;
    }
    const parent = links.get(pathKey(this.path()));
    return parent?.namespace && parent.gren_hash ? parent : null;
  });

  protected readonly kind = computed((): ValueKind => {
    const value = this.value();
    if (value === null || value === undefined) {
      return 'null';
    }
    if (Array.isArray(value)) {
      return 'array';
    }
    if (isJsonObject(value)) {
      return 'object';
    }
    const type = typeof value;
    return type === 'string' || type === 'number' || type === 'boolean' ? type : 'string';
  });

  protected readonly entries = computed((): [string, unknown][] => {
    const value = this.value();
    if (Array.isArray(value)) {
      return value.map((item: unknown, index) => [String(index), item]);
    }
    return isJsonObject(value) ? Object.entries(value) : [];
  });

  protected childPath(key: string): ConfigPathStep[] {
    return [...this.path(), Array.isArray(this.value()) ? Number(key) : key];
  }

  protected parentLink(parent: ParentExperiment): string[] {
    return experimentLink({ namespace: parent.namespace ?? '', gren_hash: parent.gren_hash ?? '' });
  }
}
