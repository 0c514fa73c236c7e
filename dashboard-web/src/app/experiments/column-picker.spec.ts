import { TestBed } from '@angular/core/testing';
import type { FieldInfo } from '@contract/columns-types';
import { ColumnPicker } from './column-picker';

const field = (column: string, source: FieldInfo['source']): FieldInfo => ({
  column,
  source,
  kind: 'number',
  count: 2,
  distinct: 2,
  distinct_capped: false,
  values: [],
  classes: ['my.Train'],
});

describe(ColumnPicker.name, () => {
  function render(chosen: string[], fields: FieldInfo[]) {
    const fixture = TestBed.createComponent(ColumnPicker);
    fixture.componentRef.setInput('fields', fields);
    fixture.componentRef.setInput('chosen', chosen);
    const emitted: string[][] = [];
    fixture.componentInstance.chosenChange.subscribe((value) => emitted.push(value));
    fixture.detectChanges();
    return { root: fixture.nativeElement as HTMLElement, emitted };
  }

  it('should group config fields and results, checking the chosen ones', () => {
    const { root } = render(['result.loss'], [field('config.lr', 'config'), field('result.loss', 'result')]);
    expect([...root.querySelectorAll('legend')].map((legend) => legend.textContent)).toEqual([
      'Config',
      'Result (metrics.json)',
    ]);
    expect(root.querySelector('summary')!.textContent).toBe('Columns (1)');
    expect(root.querySelector<HTMLInputElement>('[data-testid="column-option-result.loss"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('[data-testid="column-option-config.lr"]')!.checked).toBe(false);
  });

  it('should emit the choice with a column added or removed', () => {
    const { root, emitted } = render(['result.loss'], [field('config.lr', 'config'), field('result.loss', 'result')]);
    root.querySelector<HTMLInputElement>('[data-testid="column-option-config.lr"]')!.click();
    root.querySelector<HTMLInputElement>('[data-testid="column-option-result.loss"]')!.click();
    expect(emitted).toEqual([['result.loss', 'config.lr'], []]);
  });

  it('should say when nothing is known', () => {
    const { root } = render([], []);
    expect(root.textContent).toContain('No config fields or results known');
  });
});
