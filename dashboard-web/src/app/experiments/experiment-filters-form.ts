import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { FieldInfo } from '@contract/columns-types';
import {
  DatetimeFilterKey,
  ExperimentFilters,
  SelectFilterKey,
  TextFilterKey,
  emptyFilters,
  hasActiveFilter,
} from '../core/api/experiment-filters';
import { configSuggestions } from './config-suggestions';
import { ATTEMPT_STATUSES, BACKENDS, RESULT_STATUSES } from './filter-options';
import { PatchDebouncer } from './patch-debouncer';

export const TEXT_DEBOUNCE_MS = 300;

/**
 * The filters card. It shows `filters` and emits patches: text after the typing stops, selects
 * and dates at once. The page owns the state (in the URL).
 */
@Component({
  selector: 'app-experiment-filters-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './experiment-filters-form.html',
  styleUrl: './experiment-filters-form.scss',
})
export class ExperimentFiltersForm {
  readonly filters = input.required<ExperimentFilters>();
  /** Known config fields and values, offered as the config filter is typed. */
  readonly fields = input<readonly FieldInfo[]>([]);
  readonly filtersChange = output<Partial<ExperimentFilters>>();

  protected readonly resultStatuses = RESULT_STATUSES;
  protected readonly attemptStatuses = ATTEMPT_STATUSES;
  protected readonly active = computed(() => hasActiveFilter(this.filters()));
  /** A backend named in a shared URL stays selectable even if this list does not know it. */
  protected readonly backends = computed(() => {
    const current = this.filters().backend;
    return current === '' || BACKENDS.includes(current) ? BACKENDS : [...BACKENDS, current];
  });

  /** The config filter as typed (before the debounce), for the suggestions. */
  private readonly configTyped = signal<string | null>(null);
  protected readonly configHints = computed(() =>
    configSuggestions(this.configTyped() ?? this.filters().config_filter, this.fields()),
  );

  private readonly debouncer = new PatchDebouncer<ExperimentFilters>(TEXT_DEBOUNCE_MS, (patch) =>
    this.filtersChange.emit(patch),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.debouncer.cancel());
  }

  protected typed(key: TextFilterKey, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (key === 'config_filter') this.configTyped.set(value);
    this.debouncer.push({ [key]: value });
  }

  protected picked(key: SelectFilterKey | DatetimeFilterKey, event: Event): void {
    this.debouncer.flush({
      [key]: (event.target as HTMLInputElement | HTMLSelectElement).value,
    });
  }

  /** Enter applies the text at once instead of waiting for the debounce. */
  protected submitted(event: Event): void {
    event.preventDefault();
    this.debouncer.flush();
  }

  protected clear(): void {
    this.debouncer.cancel();
    this.filtersChange.emit(emptyFilters());
  }
}
