import * as os from 'node:os';
import type { Executor } from '../executors/executor';
import type { ComputeLockService } from '../locking/compute-lock';
import type { MetadataCollector } from '../provenance/metadata-collector';
import type { GrenSettings } from '../settings/gren-settings';
import type { StateStore } from '../storage/state-store';
import type { Clock } from './clock';

/** The services one loadOrCreate needs, resolved once per container. */
export class GrenRuntime {
  readonly hostname = os.hostname();

  constructor(
    readonly settings: GrenSettings,
    readonly clock: Clock,
    readonly states: StateStore,
    readonly locks: ComputeLockService,
    readonly metadata: MetadataCollector,
    /** Executors asked about attempts of their backend during reconcile. */
    readonly probers: readonly Executor[] = [],
  ) {}
}
