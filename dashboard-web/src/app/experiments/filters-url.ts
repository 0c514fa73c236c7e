import { Params } from '@angular/router';
import {
  ExperimentFilters,
  FILTER_KEYS,
  FilterKey,
  emptyFilters,
  isDatetimeFilter,
} from '../core/api/experiment-filters';
import { localInputToUtcIso, utcIsoToLocalInput } from '../core/time/local-datetime';

/** The experiments list state that lives in the URL. */
export interface ListState {
  readonly filters: ExperimentFilters;
  /** 1-based. */
  readonly page: number;
  /** Extra columns (`config.<path>`, `result.<key>`), in the URL as `columns=a,b`. */
  readonly columns?: readonly string[];
  /** A column to sort by, "-" first for descending; absent: the API's order. */
  readonly sort?: string;
}

/**
 * URL query params → filters and page. The URL carries dates as UTC instants so a shared link
 * means the same moment in every time zone; the form shows them in local time. Unknown or
 * unreadable values are dropped.
 */
export function listStateFromParams(params: Params): ListState {
  const filters: Record<FilterKey, string> = { ...emptyFilters() };
  for (const key of FILTER_KEYS) {
    const raw: unknown = params[key];
    if (typeof raw !== 'string' || raw === '') {
      continue;
    }
    const value = isDatetimeFilter(key) ? utcIsoToLocalInput(raw) : raw;
    if (value !== null) {
      filters[key] = value;
    }
  }
  const page = Number(params['page']);
  const state: { -readonly [K in keyof ListState]: ListState[K] } = {
    filters,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
  const columns = params['columns'];
  if (typeof columns === 'string' && columns !== '') {
    state.columns = columns.split(',').filter((column) => column !== '');
  }
  const sort = params['sort'];
  if (typeof sort === 'string' && sort !== '') state.sort = sort;
  return state;
}

/** Filters and page → the complete query params (empty filters and page 1 left out). */
export function listStateToParams(state: ListState): Params {
  const params: Params = {};
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value === '') {
      continue;
    }
    const urlValue = isDatetimeFilter(key) ? localInputToUtcIso(value) : value;
    if (urlValue !== null) {
      params[key] = urlValue;
    }
  }
  if (state.page > 1) {
    params['page'] = String(state.page);
  }
  if (state.columns && state.columns.length > 0) params['columns'] = state.columns.join(',');
  if (state.sort) params['sort'] = state.sort;
  return params;
}
