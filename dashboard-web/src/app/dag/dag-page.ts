import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ExperimentLineage } from '@contract/insight-types';
import { Observable, map, of } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { InsightApi } from '../core/api/insight-api';
import { liveQuery } from '../core/live/live-query';
import { lineageHighlight } from '../lineage/lineage-highlight';
import { ExperimentRef, experimentLink, parseRefId, refId } from '../shared/experiment-ref';
import { ShortHashPipe } from '../shared/short-hash-pipe';
import { nodeTone } from './dag-elements';
import { DagGraph } from './dag-graph';
import { NodePanel } from './node-panel';

@Component({
  selector: 'app-dag-page',
  imports: [DagGraph, NodePanel, RouterLink, ShortHashPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dag-page.html',
  styleUrl: './dag-page.scss',
})
export class DagPage {
  private readonly api = inject(ApiClient);
  protected readonly dag = liveQuery(
    () => null,
    () => this.api.dag(),
  );
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selectedNode = computed(() => {
    const id = this.selectedId();
    return this.dag().data?.nodes.find((n) => n.id === id) ?? null;
  });
  protected readonly tone = nodeTone;

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly insight = inject(InsightApi);
  /** `?experiment=<namespace>/<hash>`: whose upstream and downstream are highlighted. */
  protected readonly lineageOf = toSignal(
    this.route.queryParamMap.pipe(map((params) => parseRefId(params.get('experiment') ?? ''))),
    { initialValue: null },
  );
  protected readonly lineage = liveQuery(
    () => this.lineageOf(),
    (ref): Observable<ExperimentLineage | null> =>
      ref === null ? of(null) : this.insight.lineage(ref.namespace, ref.gren_hash),
  );
  protected readonly highlight = computed(() => {
    const ref = this.lineageOf();
    const lineage = this.lineage().data;
    const dag = this.dag().data;
    return ref && lineage && dag ? lineageHighlight(ref.namespace, lineage, dag.edges) : null;
  });
  protected readonly link = experimentLink;

  protected select(id: string | null): void {
    this.selectedId.set(id);
  }

  protected showLineage(ref: ExperimentRef | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { experiment: ref === null ? null : refId(ref) },
    });
  }
}
