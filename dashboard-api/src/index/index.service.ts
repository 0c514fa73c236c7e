import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DASHBOARD_OPTIONS, type DashboardOptions } from '../config/dashboard-options';
import { buildDependencyGraph, type DependencyGraph } from './dependency-graph';
import { StoreIndex } from './store-index';
import { DEFAULT_POLLING, StorePoller } from './store-poller';

/**
 * Owns the store index for the app's lifetime: starts the scan when the app boots (without
 * delaying it: requests wait for `ready()`), polls once it is ready, and caches what is
 * derived from the whole index (stats, the DAG, the dependency graph) per list version.
 */
@Injectable()
export class IndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly index: StoreIndex;
  private readonly poller: StorePoller;
  private readonly derived = new Map<string, { version: number; value: unknown }>();

  constructor(@Inject(DASHBOARD_OPTIONS) options: DashboardOptions) {
    this.index = new StoreIndex({
      basePath: options.basePath,
      ...(options.watch === undefined ? {} : { watch: options.watch }),
      ...(options.maxArtifactWatches === undefined ? {} : { maxArtifactWatches: options.maxArtifactWatches }),
    });
    this.poller = new StorePoller(this.index, options.polling ?? DEFAULT_POLLING);
  }

  onApplicationBootstrap(): void {
    this.index.start().then(
      () => this.poller.start(),
      () => undefined,
    );
  }

  onApplicationShutdown(): void {
    this.poller.stop();
    this.index.stop();
  }

  ready(): Promise<void> {
    return this.index.ready();
  }

  complete(): Promise<void> {
    return this.index.complete();
  }

  /** A value computed from the whole index, rebuilt only when the list version moved. */
  cached<T>(name: string, build: () => T): T {
    const version = this.index.listVersion;
    const entry = this.derived.get(name);
    if (entry && entry.version === version) return entry.value as T;
    const value = build();
    this.derived.set(name, { version, value });
    return value;
  }

  dependencyGraph(): DependencyGraph {
    return this.cached('dependency-graph', () =>
      buildDependencyGraph(this.index.sorted(), (namespace, hash) => this.index.find(namespace, hash)),
    );
  }
}
