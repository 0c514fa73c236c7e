import {
  container as rootContainer,
  instanceCachingFactory,
  type DependencyContainer,
  type InjectionToken,
} from 'tsyringe';
import 'reflect-metadata';
import { LocalExecutor } from '../executors/local-executor';
import { ProcessExecutor } from '../executors/process-executor';
import { SlurmExecutor } from '../executors/slurm/slurm-executor';
import type { Executor } from '../executors/executor';
import { ComputeLockService } from '../locking/compute-lock';
import { MetadataCollector } from '../provenance/metadata-collector';
import { systemClock, type Clock } from '../runtime/clock';
import { GrenRuntime } from '../runtime/gren-runtime';
import { StoreLocator } from '../storage/store-locator';
import { GREN_CONFIG } from '../settings/gren-config';
import type { GrenSettings } from '../settings/gren-settings';
import { StateStore } from '../storage/state-store';
import {
  CLOCK,
  EXECUTOR,
  GREN_RUNTIME,
  GREN_SETTINGS,
  LOCK_SERVICE,
  METADATA_COLLECTOR,
  STATE_STORE,
  STORAGE,
} from './tokens';

/** Services to use instead of the defaults (the store's paths follow `settings.basePath`). */
export interface GrenContainerOverrides {
  settings?: GrenSettings;
  clock?: Clock;
  executor?: Executor;
  stateStore?: StateStore;
  lockService?: ComputeLockService;
  metadataCollector?: MetadataCollector;
}

/**
 * The composition root: a child of tsyringe's root container with every gren service
 * registered (singletons within this container). Nothing is registered in the global
 * container. Register your own executor on EXECUTOR, then `useGrenContainer(container)`.
 */
export function createGrenContainer(
  overrides: GrenContainerOverrides = {},
  parent: DependencyContainer = rootContainer,
): DependencyContainer {
  const container = parent.createChildContainer();
  const provide = <T>(token: InjectionToken<T>, given: T | undefined, make: (c: DependencyContainer) => T): void => {
    container.register(token, { useFactory: instanceCachingFactory((c) => given ?? make(c)) });
  };
  provide(GREN_SETTINGS, overrides.settings, () => GREN_CONFIG);
  provide(CLOCK, overrides.clock, () => systemClock);
  provide(EXECUTOR, overrides.executor, () => new LocalExecutor());
  provide(STORAGE, undefined, (c) => new StoreLocator(c.resolve(GREN_SETTINGS)));
  provide(STATE_STORE, overrides.stateStore, (c) => new StateStore(c.resolve(CLOCK)));
  provide(LOCK_SERVICE, overrides.lockService, () => new ComputeLockService());
  provide(
    METADATA_COLLECTOR,
    overrides.metadataCollector,
    (c) => new MetadataCollector(c.resolve(GREN_SETTINGS), c.resolve(CLOCK)),
  );
  provide(
    GREN_RUNTIME,
    undefined,
    (c) =>
      new GrenRuntime(
        c.resolve(GREN_SETTINGS),
        c.resolve(CLOCK),
        c.resolve(STATE_STORE),
        c.resolve(LOCK_SERVICE),
        c.resolve(METADATA_COLLECTOR),
        [c.resolve(EXECUTOR), new ProcessExecutor(), new SlurmExecutor({}, c.resolve(GREN_SETTINGS))],
      ),
  );
  return container;
}
