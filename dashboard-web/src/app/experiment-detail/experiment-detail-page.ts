import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ApiClient } from '../core/api/api-client';
import { isNotFound } from '../core/api/api-error';
import { liveQuery } from '../core/live/live-query';
import { LocalTimePipe } from '../shared/local-time-pipe';
import { StatusBadge } from '../shared/status-badge';
import { AttemptCard } from './attempt-card';
import { ChildrenCard } from './children-card';
import { ConfigCard } from './config-card';
import { JsonObject, isJsonObject } from './config-fields';
import { FilesCard } from '../artifact-files/files-card';
import { UsedByCard } from '../lineage/used-by-card';
import { SimilarCard } from '../similar/similar-card';
import { LogViewer } from './log-viewer';
import { MetadataCard } from './metadata-card';
import { ParentsCard } from './parents-card';
import { ReuseCard } from './reuse-card';
import { StaleCard } from './stale-card';

@Component({
  selector: 'app-experiment-detail-page',
  imports: [
    RouterLink,
    StatusBadge,
    LocalTimePipe,
    ConfigCard,
    ParentsCard,
    ChildrenCard,
    AttemptCard,
    MetadataCard,
    LogViewer,
    UsedByCard,
    SimilarCard,
    FilesCard,
    StaleCard,
    ReuseCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './experiment-detail-page.html',
  styleUrl: './experiment-detail-page.scss',
})
export class ExperimentDetailPage {
  /** Route parameters (component input binding). */
  readonly namespace = input.required<string>();
  readonly hash = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly ref = computed(() => ({
    namespace: this.namespace(),
    hash: this.hash(),
  }));
  protected readonly detail = liveQuery(this.ref, (r) => this.api.experiment(r.namespace, r.hash));
  protected readonly relationships = liveQuery(this.ref, (r) =>
    this.api.relationships(r.namespace, r.hash),
  );
  protected readonly errorIsNotFound = computed(() => isNotFound(this.detail().error));
  protected readonly config = computed((): JsonObject | null => {
    const obj = this.detail().data?.metadata?.['gren_obj'];
    return isJsonObject(obj) ? obj : null;
  });
  protected readonly stateJson = computed(() =>
    JSON.stringify(this.detail().data?.state ?? null, null, 2),
  );

  constructor() {
    const title = inject(Title);
    effect(() => {
      const name = this.detail().data?.class_name;
      if (name) {
        title.setTitle(`${name} · Gren`);
      }
    });
  }
}
