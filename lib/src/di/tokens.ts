import type { InjectionToken } from 'tsyringe';
import type { ComputeLockService } from '../locking/compute-lock';
import type { MetadataCollector } from '../provenance/metadata-collector';
import type { Clock } from '../runtime/clock';
import type { GrenRuntime } from '../runtime/gren-runtime';
import type { StoreLocator } from '../storage/store-locator';
import type { GrenSettings } from '../settings/gren-settings';
import type { StateStore } from '../storage/state-store';
import type { Executor } from '../executors/executor';

/** Dependency-injection tokens of gren's services (register overrides on a child container). */
export const GREN_SETTINGS: InjectionToken<GrenSettings> = Symbol.for('gren.settings');
/** Where the container's store is: grenDir, rawDir and the worker payload's store path follow it. */
export const STORAGE: InjectionToken<StoreLocator> = Symbol.for('gren.storage');
export const STATE_STORE: InjectionToken<StateStore> = Symbol.for('gren.stateStore');
export const LOCK_SERVICE: InjectionToken<ComputeLockService> = Symbol.for('gren.lockService');
export const METADATA_COLLECTOR: InjectionToken<MetadataCollector> = Symbol.for('gren.metadataCollector');
export const CLOCK: InjectionToken<Clock> = Symbol.for('gren.clock');
export const EXECUTOR: InjectionToken<Executor> = Symbol.for('gren.executor');
export const GREN_RUNTIME: InjectionToken<GrenRuntime> = Symbol.for('gren.runtime');
