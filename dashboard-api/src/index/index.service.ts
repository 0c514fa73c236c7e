import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DASHBOARD_OPTIONS, type DashboardOptions } from '../config/dashboard-options';
import type { ArtifactRecord, MetadataFacts } from './artifact-record';
import { DependencyResolver, type Dependent } from './dependency-resolver';
import { directDependencies, type DirectDependency } from './direct-dependencies';
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
  private readonly dependencyCache = new WeakMap<
    ArtifactRecord,
    { metadata: MetadataFacts | null | undefined; classesVersion: number; dependencies: DirectDependency[] }
  >();

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

  /**
   * An artifact's direct dependencies, kept per artifact until its metadata changes or a class
   * appears or vanishes in the store, so the DAG never re-derives them all.
   */
  readonly dependenciesOf = (record: ArtifactRecord): readonly DirectDependency[] => {
    const classesVersion = this.index.classesVersion;
    const cached = this.dependencyCache.get(record);
    if (cached && cached.metadata === record.metadata && cached.classesVersion === classesVersion)
      return cached.dependencies;
    const dependencies = directDependencies(record, this.index.classes);
    this.dependencyCache.set(record, { metadata: record.metadata, classesVersion, dependencies });
    return dependencies;
  };

  resolver(): DependencyResolver {
    return this.cached(
      'resolver',
      () => new DependencyResolver(this.index.sorted(), (namespace, hash) => this.index.find(namespace, hash)),
    );
  }

  /** Children of every artifact, rebuilt per list version (relationships only). */
  dependents(record: ArtifactRecord): readonly Dependent[] {
    const all = this.cached('dependents', () => this.resolver().dependents(this.index.sorted(), this.dependenciesOf));
    return all.get(record) ?? [];
  }
}
