import { TestBed } from '@angular/core/testing';
import { ExperimentFilters, emptyFilters } from '../core/api/experiment-filters';
import { ExperimentFiltersForm, TEXT_DEBOUNCE_MS } from './experiment-filters-form';

describe(ExperimentFiltersForm.name, () => {
  let emitted: Partial<ExperimentFilters>[];
  let root: HTMLElement;

  async function render(filters: ExperimentFilters = emptyFilters()): Promise<void> {
    const fixture = TestBed.createComponent(ExperimentFiltersForm);
    fixture.componentRef.setInput('filters', filters);
    fixture.componentInstance.filtersChange.subscribe((patch) => emitted.push(patch));
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
  }

  function field<T extends HTMLElement>(selector: string): T {
    return root.querySelector<T>(selector)!;
  }

  function type(selector: string, value: string): void {
    const input = field<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(() => {
    emitted = [];
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should label every control', async () => {
    await render();
    const controls = root.querySelectorAll('input, select');
    expect(controls.length).toBe(13);
    for (const control of controls) {
      const label = root.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent?.trim(), control.id).toBeTruthy();
    }
  });

  it('should show the current filters, dates in local form', async () => {
    await render({
      ...emptyFilters(),
      namespace: 'refstore',
      result_status: 'failed',
      started_after: '2026-11-26T05:21',
    });
    expect(field<HTMLInputElement>('#f-namespace').value).toBe('refstore');
    expect(field<HTMLSelectElement>('#f-result').value).toBe('failed');
    expect(field<HTMLInputElement>('#f-started-after').value).toBe('2026-11-26T05:21');
  });

  describe('when typing in a text filter', () => {
    it('should emit once, 300 ms after the last key', async () => {
      await render();
      vi.useFakeTimers();
      type('#f-namespace', 'ref');
      vi.advanceTimersByTime(100);
      type('#f-namespace', 'refstore');
      vi.advanceTimersByTime(TEXT_DEBOUNCE_MS - 1);
      expect(emitted).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(emitted).toEqual([{ namespace: 'refstore' }]);
    });

    it('should apply at once on Enter', async () => {
      await render();
      vi.useFakeTimers();
      type('#f-config', 'value=3');
      field<HTMLFormElement>('form').dispatchEvent(new Event('submit', { cancelable: true }));
      expect(emitted).toEqual([{ config_filter: 'value=3' }]);
    });
  });

  describe('when typing a SLURM job id', () => {
    it('should emit it as slurm_job_id after the debounce', async () => {
      await render();
      vi.useFakeTimers();
      type('#f-slurm-job', '500_7');
      vi.advanceTimersByTime(TEXT_DEBOUNCE_MS);
      expect(emitted).toEqual([{ slurm_job_id: '500_7' }]);
    });
  });

  describe('when picking a status or a date', () => {
    it('should emit at once, together with pending text', async () => {
      await render();
      vi.useFakeTimers();
      type('#f-user', 'root');
      const select = field<HTMLSelectElement>('#f-attempt');
      select.value = 'running';
      select.dispatchEvent(new Event('change'));
      expect(emitted).toEqual([{ user: 'root', attempt_status: 'running' }]);

      const date = field<HTMLInputElement>('#f-updated-before');
      date.value = '2026-11-27T10:00';
      date.dispatchEvent(new Event('change'));
      expect(emitted[1]).toEqual({ updated_before: '2026-11-27T10:00' });
    });
  });

  describe('when picking stale configs', () => {
    it('should emit stale=true at once', async () => {
      await render();
      const select = field<HTMLSelectElement>('#f-stale');
      select.value = 'true';
      select.dispatchEvent(new Event('change'));
      expect(emitted).toEqual([{ stale: 'true' }]);
    });
  });

  describe('when a filter is set', () => {
    it('should offer "Clear filters", which empties every filter', async () => {
      await render({ ...emptyFilters(), backend: 'local' });
      field<HTMLButtonElement>('[data-testid="clear-filters"]').click();
      expect(emitted).toEqual([emptyFilters()]);
    });

    it('should keep an unknown backend from a shared link selectable', async () => {
      await render({ ...emptyFilters(), backend: 'kubernetes' });
      expect(field<HTMLSelectElement>('#f-backend').value).toBe('kubernetes');
    });
  });

  it('should not offer "Clear filters" when nothing is set', async () => {
    await render();
    expect(root.querySelector('[data-testid="clear-filters"]')).toBeNull();
  });
});
