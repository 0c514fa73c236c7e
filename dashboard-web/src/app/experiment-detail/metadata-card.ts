import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { JsonObject } from './config-fields';

interface MetadataView {
  readonly rows: readonly { label: string; value: string }[];
  readonly definitions: readonly { label: string; code: string }[];
}

const ROWS: readonly [key: string, label: string][] = [
  ['git_commit', 'Git Commit'],
  ['git_branch', 'Git Branch'],
  ['git_remote', 'Git Remote'],
  ['hostname', 'Hostname'],
  ['user', 'User'],
  ['command', 'Command'],
  ['timestamp', 'Created'],
  ['python_version', 'Python'],
  ['node_version', 'Node.js'],
];

const DEFINITIONS: readonly [key: string, label: string][] = [
  ['gren_python_def', 'Python Definition'],
  ['gren_ts_def', 'TypeScript Definition'],
];

export function metadataView(metadata: JsonObject): MetadataView {
  const text = (key: string): string | null => {
    const value = metadata[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    rows: ROWS.flatMap(([key, label]) => {
      const value = text(key);
      return value === null ? [] : [{ label, value }];
    }),
    definitions: DEFINITIONS.flatMap(([key, label]) => {
      const code = text(key);
      return code === null ? [] : [{ label, code }];
    }),
  };
}

/** "Metadata": where and from what code the experiment was created. */
@Component({
  selector: 'app-metadata-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = view();
    @if (m.rows.length > 0 || m.definitions.length > 0) {
      <section class="card" aria-labelledby="metadata-title" data-testid="metadata-card">
        <h2 id="metadata-title">Metadata</h2>
        <dl class="kv">
          @for (row of m.rows; track row.label) {
            <div>
              <dt>{{ row.label }}</dt>
              <dd class="mono">{{ row.value }}</dd>
            </div>
          }
        </dl>
        @for (d of m.definitions; track d.label) {
          <h3 class="definition-title">{{ d.label }}</h3>
          <pre class="definition">{{ d.code }}</pre>
        }
      </section>
    }
  `,
  styles: `
    .definition {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .definition-title {
      font-size: 0.9rem;
      color: var(--text-muted);
      margin: 1rem 0 0.4rem;
    }
  `,
})
export class MetadataCard {
  readonly metadata = input.required<JsonObject>();
  protected readonly view = computed(() => metadataView(this.metadata()));
}
