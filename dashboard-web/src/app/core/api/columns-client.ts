import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FieldCatalog, PlotData } from '@contract/columns-types';
import { Observable } from 'rxjs';
import { API_BASE } from './api-client';
import { ExperimentFilters } from './experiment-filters';
import { experimentQueryParams } from './experiment-query';
import { StrictUrlEncoder } from './strict-url-encoder';

/** The plotted columns of the filtered experiments. */
export interface PlotRequest {
  readonly filters: ExperimentFilters;
  readonly columns: readonly string[];
  /** A column to colour by; '' for the result status. */
  readonly color: string;
  readonly maxPoints: number;
}

/** The columns routes: offered fields, plot data, and export addresses. */
@Injectable({ providedIn: 'root' })
export class ColumnsClient {
  private readonly http = inject(HttpClient);

  fields(namespace: string): Observable<FieldCatalog> {
    const params = new HttpParams({ encoder: new StrictUrlEncoder() });
    return this.http.get<FieldCatalog>(`${API_BASE}/fields`, {
      params: namespace.trim() === '' ? params : params.set('namespace', namespace.trim()),
    });
  }

  plot(request: PlotRequest): Observable<PlotData> {
    let params = filterParams(request.filters)
      .set('columns', request.columns.join(','))
      .set('max_points', request.maxPoints);
    if (request.color !== '') params = params.set('color', request.color);
    return this.http.get<PlotData>(`${API_BASE}/plot`, { params });
  }
}

/** The download address of the filtered list with its columns, in the list's sort. */
export function exportUrl(
  format: 'csv' | 'json',
  filters: ExperimentFilters,
  columns: readonly string[],
  sort: string,
): string {
  let params = filterParams(filters).set('format', format);
  if (columns.length > 0) params = params.set('columns', columns.join(','));
  if (sort !== '') params = params.set('sort', sort);
  return `${API_BASE}/export?${params.toString()}`;
}

function filterParams(filters: ExperimentFilters): HttpParams {
  return experimentQueryParams({ filters, limit: 1, offset: 0 }).delete('limit').delete('offset');
}
