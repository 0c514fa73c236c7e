import type { DependencyContainer } from 'tsyringe';
import type { Executor } from '../executors/executor';
import type { GrenRuntime } from '../runtime/gren-runtime';
import type { StoreLocator } from '../storage/store-locator';
import { createGrenContainer } from './create-gren-container';
import { EXECUTOR, GREN_RUNTIME, STORAGE } from './tokens';

interface ResolvedServices {
  runtime: GrenRuntime;
  executor: Executor;
  storage: StoreLocator;
}

let active: DependencyContainer | undefined;
let resolved = new WeakMap<DependencyContainer, ResolvedServices>();

/** The container loadOrCreate() uses (a default one is created on first use). */
export function getGrenContainer(): DependencyContainer {
  active ??= createGrenContainer();
  return active;
}

/** Makes loadOrCreate() use `container` (e.g. one with your executor registered). */
export function useGrenContainer(container: DependencyContainer | undefined): void {
  active = container;
  resolved = new WeakMap();
}

/** The runtime services of a container, resolved once per container. */
export function runtimeOf(container: DependencyContainer = getGrenContainer()): GrenRuntime {
  return resolve(container).runtime;
}

/** The executor registered in a container (resolved once per container). */
export function executorOf(container: DependencyContainer = getGrenContainer()): Executor {
  return resolve(container).executor;
}

/** Where a container's store is (resolved once per container). */
export function storageOf(container: DependencyContainer = getGrenContainer()): StoreLocator {
  return resolve(container).storage;
}

function resolve(container: DependencyContainer): ResolvedServices {
  let services = resolved.get(container);
  if (services === undefined) {
    services = {
      runtime: container.resolve(GREN_RUNTIME),
      executor: container.resolve(EXECUTOR),
      storage: container.resolve(STORAGE),
    };
    resolved.set(container, services);
  }
  return services;
}
