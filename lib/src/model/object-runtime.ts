import type { DependencyContainer } from 'tsyringe';
import { GrenError } from '../errors/gren-error';
import type { Executor } from '../executors/executor';
import type { Explanation, ExplainOptions } from '../explain/explanation';
import type { GrenMetadata } from '../storage/metadata-types';
import type { JobHandle } from './job-handle';

/** The options of `loadOrCreate()`. */
export interface LoadOrCreateOptions {
  executor?: Executor;
  container?: DependencyContainer;
}

/**
 * What a config object asks of the store and the runtime. The model declares it and never
 * imports the runtime; the composition root installs one implementation at package load
 * (`useObjectRuntime`), as TypeORM's `BaseEntity.useDataSource` does. Methods take the
 * object as `object` so this file need not name the GrenObject class.
 */
export interface ObjectRuntime {
  /** `<store>/data`, or `<store>/git` for version-controlled classes, of the current container. */
  storeRoot(versionControlled: boolean): string;
  /** `<store>/raw` of the current container. */
  rawDir(): string;
  /** The folder holding an artifact's result: its own, or the one a reuse linked it to. */
  resultDir(artifactDir: string): string;
  loadOrCreate<T>(object: object, options: LoadOrCreateOptions): Promise<T | JobHandle<T>>;
  exists(object: object): Promise<boolean>;
  metadata(object: object): GrenMetadata;
  explain(object: object, options?: ExplainOptions): Explanation;
  /** Writes `message` to the artifact's log and returns the log file's path. */
  log(object: object, message: string, level: string): string;
}

let installed: ObjectRuntime | undefined;

/** Installs the runtime config objects use (the composition root calls it once). */
export function useObjectRuntime(runtime: ObjectRuntime): void {
  installed = runtime;
}

export function objectRuntime(): ObjectRuntime {
  if (installed === undefined) {
    throw new GrenError(
      'RUNTIME_NOT_INSTALLED',
      "GrenObject has no runtime installed: import it from 'gren-ts' (the package entry installs the runtime), not from a file inside the package.",
    );
  }
  return installed;
}
