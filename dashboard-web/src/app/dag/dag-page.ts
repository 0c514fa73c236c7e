import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ApiClient } from '../core/api/api-client';
import { liveQuery } from '../core/live/live-query';
import { nodeTone } from './dag-elements';
import { DagGraph } from './dag-graph';
import { NodePanel } from './node-panel';

@Component({
  selector: 'app-dag-page',
  imports: [DagGraph, NodePanel],
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

  protected select(id: string | null): void {
    this.selectedId.set(id);
  }
}
