import { TestBed } from '@angular/core/testing';
import type { StateAttempt } from '@contract/api-types';
import { AttemptCard } from './attempt-card';

function attempt(scheduler: Record<string, unknown>): StateAttempt {
  return {
    id: 'a1',
    number: 1,
    backend: 'slurm',
    status: 'success',
    started_at: '2026-12-07T10:00:00+00:00',
    heartbeat_at: '2026-12-07T10:00:00+00:00',
    lease_duration_sec: 120,
    lease_expires_at: '2026-12-07T10:02:00+00:00',
    owner: {
      pid: 1,
      host: 'vm',
      hostname: 'vm',
      user: 'root',
      command: 'gren-worker',
      timestamp: null,
      python_version: null,
      executable: null,
      platform: null,
    },
    scheduler,
    ended_at: '2026-12-07T10:01:00+00:00',
    error: null,
    reason: null,
  } as StateAttempt;
}

describe(AttemptCard.name, () => {
  async function render(value: StateAttempt): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(AttemptCard);
    fixture.componentRef.setInput('attempt', value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (element: HTMLElement, id: string): string | null =>
    element.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;

  describe('when the attempt ran as a SLURM array task', () => {
    it('should show the array job id and the task id beside the job id', async () => {
      const element = await render(
        attempt({ job_id: '500_7', array_job_id: '500', array_task_id: 7 }),
      );

      expect(text(element, 'array-job-id')).toBe('500');
      expect(text(element, 'array-task-id')).toBe('7');
      expect(element.textContent).toContain('500_7');
    });
  });

  describe('when the attempt was a single job', () => {
    it('should show no array rows', async () => {
      const element = await render(attempt({ job_id: '77' }));

      expect(text(element, 'array-job-id')).toBeNull();
      expect(element.textContent).toContain('77');
    });
  });
});
