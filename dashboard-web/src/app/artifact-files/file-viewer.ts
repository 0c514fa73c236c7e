import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { ArtifactFile } from '@contract/insight-types';
import { of } from 'rxjs';
import { toApiError } from '../core/api/api-error';
import { InsightApi, fileImageUrl } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { JsonTree } from './json-tree';
import { parseCsv } from './parse-csv';
import { parseJson, parseJsonLines } from './parse-json-lines';

/**
 * One file of an artifact: text as it is, JSON and JSONL as folding trees, CSV/TSV as a
 * table, PNG/JPEG/SVG as an `<img>` (an SVG is never put into the page as markup, so nothing
 * in it can run). The API refuses files beyond the caps or not what their name says; the
 * viewer shows its reason.
 */
@Component({
  selector: 'app-file-viewer',
  imports: [JsonTree],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './file-viewer.html',
  styleUrl: './file-viewer.scss',
})
export class FileViewer {
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();
  readonly file = input.required<ArtifactFile>();

  private readonly api = inject(InsightApi);
  protected readonly isImage = computed(() => ['png', 'jpeg', 'svg'].includes(this.file().kind));
  protected readonly imageUrl = computed(() => fileImageUrl(this.namespace(), this.hash(), this.file().path));
  private readonly textRequest = computed(() =>
    this.isImage() ? null : { namespace: this.namespace(), hash: this.hash(), path: this.file().path },
  );
  protected readonly content = liveQuery(this.textRequest, (request) =>
    request === null ? of(null) : this.api.fileText(request.namespace, request.hash, request.path),
  );
  protected readonly json = computed(() => {
    const data = this.content().data;
    return data?.kind === 'json' ? parseJson(data.text) : undefined;
  });
  protected readonly jsonLines = computed(() => {
    const data = this.content().data;
    return data?.kind === 'jsonl' ? parseJsonLines(data.text) : undefined;
  });
  protected readonly table = computed(() => {
    const data = this.content().data;
    return data?.kind === 'csv' ? parseCsv(data.text, data.path.toLowerCase().endsWith('.tsv') ? '\t' : ',') : undefined;
  });
  /** Why the image did not load (an `<img>` cannot read the API's answer: asked again here). */
  protected readonly imageProblem = signal<string | null>(null);
  private readonly http = inject(HttpClient);

  protected imageFailed(): void {
    // Asked as JSON: the API's refusal is `{"detail": ...}`; an image that did arrive fails to parse (status 200).
    this.http.get(this.imageUrl()).subscribe({
      next: () => this.imageProblem.set('The image could not be shown.'),
      error: (error: unknown) => {
        const problem = toApiError(error);
        this.imageProblem.set(problem.status === 200 ? 'The image could not be shown.' : problem.message);
      },
    });
  }
}
