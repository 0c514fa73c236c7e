import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ExperimentSummary } from '@contract/api-types';
import type { ExperimentRow } from '@contract/columns-types';
import { experimentLink, refId } from '../shared/experiment-ref';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';
import { ariaSort, cellText, nextSort } from './sort-state';

const BASE_COLUMNS = [
  { key: 'class_name', title: 'Class' },
  { key: 'namespace', title: 'Namespace' },
  { key: 'gren_hash', title: 'Hash' },
  { key: 'result_status', title: 'Result' },
  { key: 'attempt_status', title: 'Attempt' },
  { key: 'backend', title: 'Backend' },
  { key: 'hostname', title: 'Host' },
  { key: 'user', title: 'User' },
  { key: 'updated_at', title: 'Updated' },
] as const;

/**
 * One page of experiments, each row selectable for comparison, with the chosen extra columns;
 * a header click asks for another sort (the page owns it, in the URL).
 */
@Component({
  selector: 'app-experiments-table',
  imports: [RouterLink, StatusBadge, LocalTimePipe, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    button.sort {
      background: none;
      border: none;
      padding: 0;
      font: inherit;
      font-weight: inherit;
      color: inherit;
      cursor: pointer;
      white-space: nowrap;
    }
    td.extra {
      text-align: right;
      white-space: nowrap;
    }
  `,
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="experiments-table">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Select for comparison</span>
            </th>
            @for (c of baseColumns; track c.key) {
              <th scope="col" [attr.aria-sort]="ariaSort(sort(), c.key)">
                <button type="button" class="sort" (click)="sortBy(c.key)" [attr.data-testid]="'sort-' + c.key">
                  {{ c.title }}{{ arrow(c.key) }}
                </button>
              </th>
            }
            @for (column of columns(); track column) {
              <th scope="col" [attr.aria-sort]="ariaSort(sort(), column)" class="extra">
                <button
                  type="button"
                  class="sort mono"
                  (click)="sortBy(column)"
                  [title]="column"
                  [attr.data-testid]="'sort-' + column"
                >
                  {{ shortName(column) }}{{ arrow(column) }}
                </button>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (e of experiments(); track id(e)) {
            <tr data-testid="experiment-row" [attr.data-id]="id(e)">
              <td>
                <input
                  type="checkbox"
                  [id]="'select-' + id(e)"
                  [checked]="selected().has(id(e))"
                  (change)="toggled.emit(e)"
                  [attr.aria-label]="
                    'Select ' + e.class_name + ' ' + e.gren_hash + ' for comparison'
                  "
                />
              </td>
              <td>
                <a [routerLink]="link(e)">{{ e.class_name }}</a>
              </td>
              <td>
                <span class="truncate mono" [title]="e.namespace">{{ e.namespace }}</span>
              </td>
              <td class="mono" [title]="e.gren_hash">
                {{ e.gren_hash | shortHash }}
              </td>
              <td>
                <app-status-badge [status]="e.result_status" />
                @if (e.stale) {
                  <span
                    class="badge badge--pending"
                    title="The stored config no longer fits its class"
                    data-testid="stale-badge"
                    >stale</span
                  >
                }
                @if (e.state_error) {
                  <span class="error-text" [title]="e.state_error">⚠</span>
                }
              </td>
              <td>
                @if (e.attempt_status) {
                  <app-status-badge [status]="e.attempt_status" />
                } @else {
                  <span class="muted">-</span>
                }
              </td>
              <td>{{ e.backend ?? '—' }}</td>
              <td>{{ e.hostname ?? '—' }}</td>
              <td>{{ e.user ?? '—' }}</td>
              <td>{{ e.updated_at | localTime }}</td>
              @for (column of columns(); track column) {
                <td class="mono extra" [attr.data-column]="column">{{ cell(e, column) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ExperimentsTable {
  readonly experiments = input.required<readonly ExperimentRow[]>();
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly columns = input<readonly string[]>([]);
  readonly sort = input<string>('');
  readonly toggled = output<ExperimentSummary>();
  readonly sortChange = output<string>();
  protected readonly id = refId;
  protected readonly link = experimentLink;
  protected readonly baseColumns = BASE_COLUMNS;
  protected readonly ariaSort = ariaSort;

  protected sortBy(column: string): void {
    this.sortChange.emit(nextSort(this.sort(), column));
  }

  protected arrow(column: string): string {
    const order = ariaSort(this.sort(), column);
    return order === 'ascending' ? ' ▲' : order === 'descending' ? ' ▼' : '';
  }

  protected shortName(column: string): string {
    return column.replace(/^config\./, '').replace(/^result\./, '→ ');
  }

  protected cell(row: ExperimentRow, column: string): string {
    return cellText(row.columns?.[column]);
  }
}
