import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { FieldInfo } from '@contract/columns-types';

/**
 * The extra columns of the list: config fields and result values of the listed classes, each
 * a checkbox. The page keeps the choice (in the URL).
 */
@Component({
  selector: 'app-column-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="column-picker" data-testid="column-picker">
      <summary>Columns ({{ chosen().length }})</summary>
      @if (fields().length === 0) {
        <p class="muted">No config fields or results known for these experiments.</p>
      }
      @for (group of groups(); track group.title) {
        @if (group.fields.length > 0) {
          <fieldset>
            <legend>{{ group.title }}</legend>
            @for (field of group.fields; track field.column) {
              <label [title]="field.kind + ', ' + field.count + ' experiments'">
                <input
                  type="checkbox"
                  [checked]="chosen().includes(field.column)"
                  (change)="toggle(field.column)"
                  [attr.data-testid]="'column-option-' + field.column"
                />
                <span class="mono">{{ label(field.column) }}</span>
              </label>
            }
          </fieldset>
        }
      }
    </details>
  `,
  styles: `
    .column-picker summary {
      cursor: pointer;
    }
    .column-picker fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      border: none;
      padding: 0.25rem 0;
      margin: 0;
    }
    .column-picker label {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
  `,
})
export class ColumnPicker {
  readonly fields = input.required<readonly FieldInfo[]>();
  readonly chosen = input.required<readonly string[]>();
  readonly chosenChange = output<string[]>();

  protected readonly groups = computed(() => [
    { title: 'Config', fields: this.fields().filter((field) => field.source === 'config') },
    { title: 'Result (metrics.json)', fields: this.fields().filter((field) => field.source === 'result') },
  ]);

  protected label(column: string): string {
    return column.replace(/^(config|result)\./, '');
  }

  protected toggle(column: string): void {
    const chosen = this.chosen();
    this.chosenChange.emit(
      chosen.includes(column) ? chosen.filter((name) => name !== column) : [...chosen, column],
    );
  }
}
