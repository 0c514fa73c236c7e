import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DASHBOARD_OPTIONS, type DashboardOptions } from '../config/dashboard-options';
import type { StoredDependency } from 'gren-ts/store';
import type { ArtifactRecord } from './artifact-record';
import { DependencyResolver, type Dependent } from './dependency-resolver';
import { StoreIndex } from './store-index';
import { DEFAULT_POLLING, StorePoller } from './store-poller';

/**
 * Owns the store index for the app's lifetime: starts the scan as soon as it is created
 * (without delaying the app: requests wait for `ready()`), polls once the app has booted and
 * the index is ready, and caches what is
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
    // Reading starts now, on the reader threads, while Nest builds the rest of the app.
    this.index.start().catch(() => undefined);
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

  /** An artifact's direct dependencies, as the store model read them with its metadata. */
  readonly dependenciesOf = (record: ArtifactRecord): readonly StoredDependency[] =>
    record.metadata?.dependencies ?? [];

  resolver(): DependencyResolver {
    return this.cached('resolver', () => new DependencyResolver(this.index.sorted()));
  }

  /** Children of every artifact, rebuilt per list version (relationships only). */
  dependents(record: ArtifactRecord): readonly Dependent[] {
    const all = this.cached('dependents', () => this.resolver().dependents(this.index.sorted(), this.dependenciesOf));
    return all.get(record) ?? [];
  }
}
