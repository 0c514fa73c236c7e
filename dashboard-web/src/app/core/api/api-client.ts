import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeVersion,
  DashboardStats,
  ExperimentDAG,
  ExperimentDetail,
  ExperimentList,
  ExperimentLog,
  ExperimentRelationships,
  HealthCheck,
} from '@contract/api-types';
import { Observable } from 'rxjs';
import { ExperimentQuery, experimentQueryParams } from './experiment-query';

/** The API is served from the same origin as the SPA (the `serve` command, or the dev proxy). */
export const API_BASE = '/api';

/** Typed access to every route of the dashboard API. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  health(): Observable<HealthCheck> {
    return this.http.get<HealthCheck>(`${API_BASE}/health`);
  }

  stats(): Observable<DashboardStats> {
    return this.http.get<DashboardStats>(`${API_BASE}/stats`);
  }

  experiments(query: ExperimentQuery): Observable<ExperimentList> {
    return this.http.get<ExperimentList>(`${API_BASE}/experiments`, {
      params: experimentQueryParams(query),
    });
  }

  experiment(namespace: string, hash: string): Observable<ExperimentDetail> {
    return this.http.get<ExperimentDetail>(experimentUrl(namespace, hash));
  }

  relationships(namespace: string, hash: string): Observable<ExperimentRelationships> {
    return this.http.get<ExperimentRelationships>(
      `${experimentUrl(namespace, hash)}/relationships`,
    );
  }

  log(namespace: string, hash: string, tail: number): Observable<ExperimentLog> {
    return this.http.get<ExperimentLog>(`${experimentUrl(namespace, hash)}/logs`, {
      params: new HttpParams().set('tail', tail),
    });
  }

  dag(): Observable<ExperimentDAG> {
    return this.http.get<ExperimentDAG>(`${API_BASE}/dag`);
  }

  changes(): Observable<ChangeVersion> {
    return this.http.get<ChangeVersion>(`${API_BASE}/changes`);
  }
}

/** Namespaces are dotted; a `/` in one (allowed by the reference) stays a path separator. */
export function experimentUrl(namespace: string, hash: string): string {
  const path = namespace.split('/').map(encodeURIComponent).join('/');
  return `${API_BASE}/experiments/${path}/${encodeURIComponent(hash)}`;
}
