import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { HealthCheck } from '@contract/api-types';
import { ChangeFeed } from '../core/live/change-feed';
import { LoadState } from '../core/live/live-query';

type HealthView = {
  label: string;
  tone: 'checking' | 'healthy' | 'degraded' | 'down';
};

/** "API Status": Checking..., Healthy, Degraded (unreadable artifacts) or Disconnected. */
@Component({
  selector: 'app-health-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="health"
      [class]="'health health--' + view().tone"
      data-testid="api-status"
      role="status"
    >
      <span class="health__dot" aria-hidden="true"></span>{{ view().label }}
    </span>
    <span class="muted" data-testid="api-version">v{{ health().data?.version ?? '...' }}</span>
    @if (health().data; as data) {
      @if (data.invalid_artifacts > 0) {
        <span class="error-text">{{ data.invalid_artifacts }} unreadable artifact(s)</span>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .health {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 600;
    }
    .health__dot {
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--muted);
    }
    .health--healthy {
      color: var(--success);
    }
    .health--healthy .health__dot {
      background: var(--success);
      animation: pulse 2s infinite;
    }
    .health--degraded {
      color: var(--queued);
    }
    .health--degraded .health__dot {
      background: var(--queued);
    }
    .health--down {
      color: var(--failed);
    }
    .health--down .health__dot {
      background: var(--failed);
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .health--healthy .health__dot {
        animation: none;
      }
    }
  `,
})
export class HealthBadge {
  readonly health = input.required<LoadState<HealthCheck>>();
  private readonly feed = inject(ChangeFeed);

  protected readonly view = computed((): HealthView => {
    const state = this.health();
    if (state.status === 'error' || this.feed.connected() === false) {
      return { label: 'Disconnected', tone: 'down' };
    }
    if (state.data === undefined) {
      return { label: 'Checking...', tone: 'checking' };
    }
    return state.data.status === 'healthy'
      ? { label: 'Healthy', tone: 'healthy' }
      : { label: 'Degraded', tone: 'degraded' };
  });
}
