import { AsyncLocalStorage } from 'node:async_hooks';
import type { DependencyContainer } from 'tsyringe';
import { getGrenContainer } from './active-container';

/**
 * The container a `loadOrCreate({ container })` runs in, for its whole async extent: the
 * object's `grenDir` inside `_create()`, and the dependencies it loads, use that container's
 * store. Outside any such call the active container applies.
 */
const scope = new AsyncLocalStorage<DependencyContainer>();

export function runInContainer<R>(container: DependencyContainer, body: () => R): R {
  return scope.run(container, body);
}

export function currentContainer(): DependencyContainer {
  return scope.getStore() ?? getGrenContainer();
}
