/**
 * The filters of the experiments list, named like the API's query parameters. Every value is
 * what the user sees in the form: text as typed, `''` for "any", and the four date filters as
 * local `datetime-local` values (converted to UTC only on the way to the API or the URL).
 */
export const TEXT_FILTER_KEYS = ['namespace', 'hostname', 'user', 'slurm_job_id', 'config_filter'] as const;
export const SELECT_FILTER_KEYS = ['result_status', 'attempt_status', 'backend', 'stale'] as const;
export const DATETIME_FILTER_KEYS = [
  'started_after',
  'started_before',
  'updated_after',
  'updated_before',
] as const;
export const FILTER_KEYS = [
  ...TEXT_FILTER_KEYS,
  ...SELECT_FILTER_KEYS,
  ...DATETIME_FILTER_KEYS,
] as const;

export type TextFilterKey = (typeof TEXT_FILTER_KEYS)[number];
export type SelectFilterKey = (typeof SELECT_FILTER_KEYS)[number];
export type DatetimeFilterKey = (typeof DATETIME_FILTER_KEYS)[number];
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ExperimentFilters = Readonly<Record<FilterKey, string>>;

export function emptyFilters(): ExperimentFilters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as Record<FilterKey, string>;
}

export function hasActiveFilter(filters: ExperimentFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}

export function isDatetimeFilter(key: FilterKey): key is DatetimeFilterKey {
  return (DATETIME_FILTER_KEYS as readonly string[]).includes(key);
}

export function sameFilters(a: ExperimentFilters, b: ExperimentFilters): boolean {
  return FILTER_KEYS.every((key) => a[key] === b[key]);
}
