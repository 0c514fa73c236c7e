import { HttpParams } from '@angular/common/http';
import { localInputToUtcIso } from '../time/local-datetime';
import { ExperimentFilters, FILTER_KEYS, isDatetimeFilter } from './experiment-filters';
import { StrictUrlEncoder } from './strict-url-encoder';

export interface ExperimentQuery {
  readonly filters: ExperimentFilters;
  readonly limit: number;
  readonly offset: number;
  /** Extra columns and the sort column (see filters-url.ts). */
  readonly columns?: readonly string[];
  readonly sort?: string;
}

/**
 * The query string of `GET /api/experiments`: empty filters are left out, text is trimmed,
 * and the local date filters become UTC instants. A date the browser could not have produced
 * is dropped rather than sent, so a hand-edited URL never causes a 422.
 */
export function experimentQueryParams(query: ExperimentQuery): HttpParams {
  let params = new HttpParams({ encoder: new StrictUrlEncoder() });
  for (const key of FILTER_KEYS) {
    const raw = query.filters[key].trim();
    if (raw === '') {
      continue;
    }
    const value = isDatetimeFilter(key) ? localInputToUtcIso(raw) : raw;
    if (value !== null) {
      params = params.set(key, value);
    }
  }
  if (query.columns && query.columns.length > 0) params = params.set('columns', query.columns.join(','));
  if (query.sort) params = params.set('sort', query.sort);
  return params.set('limit', query.limit).set('offset', query.offset);
}
