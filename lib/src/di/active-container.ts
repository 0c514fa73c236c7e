import type { DependencyContainer } from 'tsyringe';
import type { Executor } from '../executors/executor';
import type { GrenRuntime } from '../runtime/gren-runtime';
import { createGrenContainer } from './create-gren-container';
import { EXECUTOR, GREN_RUNTIME } from './tokens';

let active: DependencyContainer | undefined;
let resolved: { container: DependencyContainer; runtime: GrenRuntime; executor: Executor } | undefined;

/** The container loadOrCreate() uses (a default one is created on first use). */
export function getGrenContainer(): DependencyContainer {
  active ??= createGrenContainer();
  return active;
}

/** Makes loadOrCreate() use `container` (e.g. one with your executor registered). */
export function useGrenContainer(container: DependencyContainer | undefined): void {
  active = container;
  resolved = undefined;
}

/** The runtime services of a container, resolved once per container. */
export function runtimeOf(container: DependencyContainer = getGrenContainer()): GrenRuntime {
  return resolve(container).runtime;
}

/** The executor registered in a container (resolved once per container). */
export function executorOf(container: DependencyContainer = getGrenContainer()): Executor {
  return resolve(container).executor;
}

function resolve(container: DependencyContainer): { runtime: GrenRuntime; executor: Executor } {
  if (resolved?.container !== container) {
    resolved = { container, runtime: container.resolve(GREN_RUNTIME), executor: container.resolve(EXECUTOR) };
  }
  return resolved;
}
