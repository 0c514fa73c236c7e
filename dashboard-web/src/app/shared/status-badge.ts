import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { statusBadgeClass } from './status-tone';

/** A result or attempt status as a coloured badge; `—` when there is none. */
@Component({
  selector: 'app-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="badgeClass()" [attr.data-status]="status() ?? 'none'">{{
    status() ?? '—'
  }}</span>`,
})
export class StatusBadge {
  readonly status = input<string | null | undefined>(null);
  protected readonly badgeClass = computed(() => statusBadgeClass(this.status()));
}
