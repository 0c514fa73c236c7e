import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ArtifactFileList,
  ArtifactFileText,
  ExperimentLineage,
  SimilarExperiments,
  Timeline,
} from '@contract/insight-types';
import { Observable } from 'rxjs';
import { API_BASE, experimentUrl } from './api-client';
import { ExperimentFilters } from './experiment-filters';
import { experimentQueryParams } from './experiment-query';

/** The API routes of the timeline, files, lineage and similar-config views. */
@Injectable({ providedIn: 'root' })
export class InsightApi {
  private readonly http = inject(HttpClient);

  timeline(filters: ExperimentFilters, limit: number): Observable<Timeline> {
    return this.http.get<Timeline>(`${API_BASE}/timeline`, {
      params: experimentQueryParams({ filters, limit, offset: 0 }),
    });
  }

  files(namespace: string, hash: string): Observable<ArtifactFileList> {
    return this.http.get<ArtifactFileList>(`${experimentUrl(namespace, hash)}/files`);
  }

  fileText(namespace: string, hash: string, path: string): Observable<ArtifactFileText> {
    return this.http.get<ArtifactFileText>(`${experimentUrl(namespace, hash)}/files/text`, {
      params: new HttpParams().set('path', path),
    });
  }

  lineage(namespace: string, hash: string): Observable<ExperimentLineage> {
    return this.http.get<ExperimentLineage>(`${experimentUrl(namespace, hash)}/lineage`);
  }

  similar(namespace: string, hash: string, limit: number): Observable<SimilarExperiments> {
    return this.http.get<SimilarExperiments>(`${experimentUrl(namespace, hash)}/similar`, {
      params: new HttpParams().set('limit', limit),
    });
  }
}

/** The address of an image of an artifact, for an `<img src>` (the session cookie goes with it). */
export function fileImageUrl(namespace: string, hash: string, path: string): string {
  return `${experimentUrl(namespace, hash)}/files/image?path=${encodeURIComponent(path)}`;
}
