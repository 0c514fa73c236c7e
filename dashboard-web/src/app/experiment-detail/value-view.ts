import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { isJsonObject } from './config-fields';

type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** A JSON value as a tree: scalars colour-coded by type, objects and lists nested. */
@Component({
  selector: 'app-value-view',
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
                <dd><app-value-view [value]="entry[1]" /></dd>
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
              <li><app-value-view [value]="entry[1]" /></li>
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
  `,
})
export class ValueView {
  readonly value = input<unknown>(null);

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
}
