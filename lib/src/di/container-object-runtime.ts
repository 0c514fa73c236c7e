import * as path from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { explainObject } from '../explain/explain-object';
import type { Explanation, ExplainOptions } from '../explain/explanation';
import { getLogger, logDispatcher } from '../logging/gren-logger';
import { userCallerLocation } from '../logging/source-location';
import { artifactDirOf } from '../model/artifact-dir';
import type { GrenObject } from '../model/gren-object';
import type { JobHandle } from '../model/job-handle';
import type { LoadOrCreateOptions, ObjectRuntime } from '../model/object-runtime';
import { artifactOf } from '../runtime/artifact';
import { loadOrCreateLocally } from '../runtime/load-or-create';
import { submitJob } from '../runtime/submit-job';
import { MetadataManager } from '../storage/metadata-manager';
import { goneReusedResult, resultDirOf } from '../storage/result-link';
import type { GrenMetadata } from '../storage/metadata-types';
import { successStates } from '../storage/success-state-cache';
import { executorOf, runtimeOf, storageOf } from './active-container';
import { ContainerBoundJob } from './container-bound-job';
import { currentContainer, runInContainer } from './container-scope';

/**
 * GrenObject's store and runtime, taken from the current container: the one a
 * `loadOrCreate({ container })` runs in, else the active one.
 */
export class ContainerObjectRuntime implements ObjectRuntime {
  storeRoot(versionControlled: boolean): string {
    return storageOf(currentContainer()).root(versionControlled);
  }

  rawDir(): string {
    return storageOf(currentContainer()).rawDir;
  }

  resultDir(artifactDir: string): string {
    return resultDirOf(artifactDir);
  }

  loadOrCreate<T>(object: object, options: LoadOrCreateOptions): Promise<T | JobHandle<T>> {
    const container = options.container ?? currentContainer();
    return runInContainer(container, () => loadOrCreateIn(container, object as GrenObject<T>, options.executor));
  }

  async exists(object: object): Promise<boolean> {
    const { paths } = artifactOf(object as GrenObject);
    let result = false;
    const state = successStates.read(paths.state);
    if (state.result.status === 'success' && goneReusedResult(paths.directory, state) === undefined) {
      try {
        result = (await (object as unknown as { _validate(): boolean | Promise<boolean> })._validate()) !== false;
      } catch {
        result = false;
      }
    }
    if (logDispatcher().consoleEnabled('INFO'))
      getLogger().info(`exists ${paths.directory} -> ${String(result)}`, {
        consoleOnly: true,
        location: userCallerLocation(),
      });
    return result;
  }

  metadata(object: object): GrenMetadata {
    return new MetadataManager(artifactDirOf(object as GrenObject)).read();
  }

  explain(object: object, options?: ExplainOptions): Explanation {
    return explainObject(object as GrenObject, runtimeOf(currentContainer()).settings, options);
  }

  log(object: object, message: string, level: string): string {
    const directory = artifactDirOf(object as GrenObject);
    getLogger().log(level, message, { artifactDir: directory, location: userCallerLocation() });
    return path.join(directory, '.gren', 'gren.log');
  }
}

function loadOrCreateIn<T>(
  container: DependencyContainer,
  object: GrenObject<T>,
  executor: LoadOrCreateOptions['executor'],
): Promise<T | JobHandle<T>> {
  const runtime = runtimeOf(container);
  if (executor) return submitJob(runtime, object, executor).then((job) => new ContainerBoundJob(container, job));
  const registered = executorOf(container);
  if (registered.inProcess) return loadOrCreateLocally(runtime, object);
  return submitJob(runtime, object, registered).then((job) => job.wait());
}
