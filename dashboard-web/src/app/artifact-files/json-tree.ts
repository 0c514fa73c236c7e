import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A JSON value as a tree: objects and arrays fold (the first two levels start open). */
@Component({
  selector: 'app-json-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries(); as list) {
      <details class="json-node" [open]="depth() < 2" data-testid="json-node">
        <summary class="muted">{{ isArray() ? '[' + list.length + ' items]' : '{' + list.length + ' keys}' }}</summary>
        <ul>
          @for (entry of list; track entry[0]) {
            <li>
              <span class="json-key">{{ entry[0] }}</span>:
              <app-json-tree [value]="entry[1]" [depth]="depth() + 1" />
            </li>
          }
        </ul>
      </details>
    } @else {
      <span [class]="'json-leaf json-leaf--' + kind()">{{ leafText() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline;
      font-family: var(--mono);
      font-size: 0.85rem;
    }
    .json-node {
      display: inline-block;
      vertical-align: top;
    }
    ul {
      list-style: none;
      margin: 0;
      padding-left: 1.2rem;
      border-left: 1px solid var(--border);
    }
    .json-key {
      color: var(--primary);
    }
    .json-leaf--string {
      color: var(--success);
    }
    .json-leaf--number {
      color: var(--queued);
    }
    .json-leaf--other {
      color: var(--pending);
    }
  `,
})
export class JsonTree {
  readonly value = input.required<unknown>();
  readonly depth = input(0);

  protected readonly isArray = computed(() => Array.isArray(this.value()));
  protected readonly entries = computed((): [string, unknown][] | null => {
    const value = this.value();
    if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
    if (typeof value === 'object' && value !== null) return Object.entries(value);
    return null;
  });
  protected readonly kind = computed(() => {
    const value = this.value();
    return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'other';
  });
  protected readonly leafText = computed(() => JSON.stringify(this.value()));
}
