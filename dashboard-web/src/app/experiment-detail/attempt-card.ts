import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StateAttempt } from '@contract/api-types';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { StatusBadge } from '../shared/status-badge';

/** "Current Attempt", including the error and traceback the reference left out. */
@Component({
  selector: 'app-attempt-card',
  imports: [StatusBadge, LocalTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = attempt();
    <section class="card" aria-labelledby="attempt-title" data-testid="attempt-card">
      <h2 id="attempt-title">Current Attempt</h2>
      <dl class="kv">
        <div>
          <dt>ID</dt>
          <dd class="mono">{{ a.id }}</dd>
        </div>
        <div>
          <dt>Number</dt>
          <dd>{{ a.number }}</dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd>{{ a.backend }}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd><app-status-badge [status]="a.status" /></dd>
        </div>
        <div>
          <dt>Host</dt>
          <dd>{{ a.owner.hostname ?? a.owner.host ?? '—' }}</dd>
        </div>
        <div>
          <dt>PID</dt>
          <dd>{{ a.owner.pid ?? '—' }}</dd>
        </div>
        <div>
          <dt>User</dt>
          <dd>{{ a.owner.user ?? '—' }}</dd>
        </div>
        <div>
          <dt>Started At</dt>
          <dd>{{ a.started_at | localTime }}</dd>
        </div>
        <div>
          <dt>Last Heartbeat</dt>
          <dd>{{ a.heartbeat_at | localTime }}</dd>
        </div>
        <div>
          <dt>Lease Expires</dt>
          <dd>{{ a.lease_expires_at | localTime }}</dd>
        </div>
        @if (a.ended_at) {
          <div>
            <dt>Ended At</dt>
            <dd>{{ a.ended_at | localTime }}</dd>
          </div>
        }
        @if (a.reason) {
          <div>
            <dt>Reason</dt>
            <dd>{{ a.reason }}</dd>
          </div>
        }
        @if (jobId(a); as job) {
          <div>
            <dt>Scheduler Job</dt>
            <dd class="mono">{{ job }}</dd>
          </div>
        }
        @if (arrayTask(a); as task) {
          <div>
            <dt>Array Job</dt>
            <dd class="mono" data-testid="array-job-id">{{ task.arrayJobId }}</dd>
          </div>
          <div>
            <dt>Array Task</dt>
            <dd class="mono" data-testid="array-task-id">{{ task.taskId }}</dd>
          </div>
        }
      </dl>
      @if (a.error; as error) {
        <div class="attempt__error" data-testid="attempt-error" role="group" aria-label="Error">
          <h3 class="error-text">
            <span class="mono" data-testid="error-type">{{ error.type }}</span>:
            <span class="attempt__message" data-testid="error-message">{{ error.message }}</span>
          </h3>
          @if (error.traceback) {
            <details open>
              <summary>Traceback</summary>
              <pre data-testid="error-traceback">{{ error.traceback }}</pre>
            </details>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .attempt__error {
      margin-top: 1rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--border);
    }
    .attempt__error h3 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
      overflow-wrap: anywhere;
    }
    /* A message can span lines (a failed dependency names the configs it went through). */
    .attempt__message {
      white-space: pre-wrap;
    }
    .attempt__error pre {
      max-height: 28rem;
      /* Wrapped, not scrolled sideways: on a laptop the column cuts every frame's file path. */
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class AttemptCard {
  readonly attempt = input.required<StateAttempt>();

  /** A SLURM array task's ids, recorded by sweeps as `array_job_id` and `array_task_id`. */
  protected arrayTask(attempt: StateAttempt): { arrayJobId: string; taskId: string } | null {
    const arrayJobId = attempt.scheduler['array_job_id'];
    const taskId = attempt.scheduler['array_task_id'];
    const text = (value: unknown): string | null =>
      typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    const job = text(arrayJobId);
    const task = text(taskId);
    return job !== null && task !== null ? { arrayJobId: job, taskId: task } : null;
  }

  protected jobId(attempt: StateAttempt): string | null {
    const job = attempt.scheduler['job_id'];
    return typeof job === 'string' || typeof job === 'number' ? String(job) : null;
  }
}
