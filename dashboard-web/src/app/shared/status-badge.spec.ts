import { TestBed } from '@angular/core/testing';
import { StatusBadge } from './status-badge';
import { statusBadgeClass, statusTone } from './status-tone';

describe('statusTone', () => {
  it('should give each result and attempt status its colour family', () => {
    expect(statusTone('success')).toBe('success');
    expect(statusTone('failed')).toBe('failed');
    expect(statusTone('crashed')).toBe('failed');
    expect(statusTone('running')).toBe('running');
    expect(statusTone('queued')).toBe('queued');
    expect(statusTone('incomplete')).toBe('pending');
    expect(statusTone('preempted')).toBe('pending');
    expect(statusTone('cancelled')).toBe('muted');
    expect(statusTone('absent')).toBe('muted');
    expect(statusTone('invalid')).toBe('invalid');
  });

  it('should fall back to muted for a missing or unknown status', () => {
    expect(statusTone(null)).toBe('muted');
    expect(statusTone(undefined)).toBe('muted');
    expect(statusTone('weird')).toBe('muted');
    expect(statusTone('toString')).toBe('muted');
  });

  it('should build the badge classes', () => {
    expect(statusBadgeClass('failed')).toBe('badge badge--failed');
  });
});

describe(StatusBadge.name, () => {
  async function render(status: string | null): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(StatusBadge);
    fixture.componentRef.setInput('status', status);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector('span')!;
  }

  it('should show the status with its tone class', async () => {
    const badge = await render('running');
    expect(badge.textContent).toBe('running');
    expect(badge.classList).toContain('badge--running');
    expect(badge.dataset['status']).toBe('running');
  });

  it('should show a dash when there is no status', async () => {
    const badge = await render(null);
    expect(badge.textContent).toBe('—');
    expect(badge.classList).toContain('badge--muted');
  });
});
