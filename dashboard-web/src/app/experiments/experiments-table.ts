import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ExperimentSummary } from '@contract/api-types';
import { experimentLink, refId } from '../shared/experiment-ref';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { StatusBadge } from '../shared/status-badge';

/** One page of experiments, each row selectable for comparison. */
@Component({
  selector: 'app-experiments-table',
  imports: [RouterLink, StatusBadge, LocalTimePipe, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="experiments-table">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Select for comparison</span>
            </th>
            <th scope="col">Class</th>
            <th scope="col">Namespace</th>
            <th scope="col">Hash</th>
            <th scope="col">Result</th>
            <th scope="col">Attempt</th>
            <th scope="col">Backend</th>
            <th scope="col">Host</th>
            <th scope="col">User</th>
            <th scope="col">Updated</th>
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
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ExperimentsTable {
  readonly experiments = input.required<readonly ExperimentSummary[]>();
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly toggled = output<ExperimentSummary>();
  protected readonly id = refId;
  protected readonly link = experimentLink;
}
