import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { ArtifactFile } from '@contract/insight-types';
import { InsightApi } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { FileViewer } from './file-viewer';
import { formatBytes } from './format-bytes';

/** The files an artifact's computation wrote, with sizes and times; a click opens one in the viewer. */
@Component({
  selector: 'app-files-card',
  imports: [FileViewer, LocalTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="files-title" data-testid="files-card">
      <h2 id="files-title">Files</h2>
      @let l = list();
      @if (l.status === 'error') {
        <p class="error-text" role="alert">{{ l.error?.message }}</p>
      } @else if (l.data; as data) {
        @if (data.files.length === 0) {
          <p class="muted" data-testid="files-empty">The computation wrote no files here.</p>
        } @else {
          <div class="files">
            <table class="files__table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" class="files__num">Size</th>
                  <th scope="col">Modified</th>
                </tr>
              </thead>
              <tbody>
                @for (f of data.files; track f.path) {
                  <tr [class.files__row--open]="selected()?.path === f.path" data-testid="file-row">
                    <td class="mono">
                      @if (f.viewable) {
                        <button type="button" class="link-button" (click)="open(f)" data-testid="file-open">
                          {{ f.path }}
                        </button>
                      } @else {
                        <span [title]="f.kind === 'other' ? 'No viewer for this kind of file' : 'Too large for the viewer'">{{
                          f.path
                        }}</span>
                      }
                    </td>
                    <td class="files__num">{{ size(f.size_bytes) }}</td>
                    <td>{{ f.modified_at | localTime }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (data.truncated) {
            <p class="muted">Only the first {{ data.files.length }} files are listed.</p>
          }
        }
        @if (selected(); as f) {
          <app-file-viewer [namespace]="namespace()" [hash]="hash()" [file]="f" />
        }
      } @else {
        <p class="muted">Loading files...</p>
      }
    </section>
  `,
  styles: `
    .files {
      max-height: 22rem;
      overflow: auto;
    }
    .files__table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .files__table th,
    .files__table td {
      padding: 0.2rem 0.4rem;
      border-bottom: 1px solid var(--border);
      text-align: left;
    }
    .files__num {
      text-align: right;
      white-space: nowrap;
    }
    .files__row--open {
      background: var(--surface-2);
    }
    .link-button {
      background: none;
      border: 0;
      padding: 0;
      color: var(--link);
      cursor: pointer;
      font: inherit;
      text-align: left;
    }
  `,
})
export class FilesCard {
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();

  private readonly api = inject(InsightApi);
  private readonly ref = computed(() => ({ namespace: this.namespace(), hash: this.hash() }));
  protected readonly list = liveQuery(this.ref, (r) => this.api.files(r.namespace, r.hash));
  protected readonly selected = signal<ArtifactFile | null>(null);
  protected readonly size = formatBytes;

  protected open(file: ArtifactFile): void {
    this.selected.set(file);
  }
}
