import type { DependencyContainer } from 'tsyringe';
import type { Executor } from '../executors/executor';
import { GrenSerializationError } from '../errors/serialization-error';
import type { GrenMetadata } from '../storage/metadata-types';
import { computeHash } from '../identity/compute-hash';
import { fromDict } from '../serialization/from-dict';
import type { Explanation, ExplainOptions } from '../explain/explanation';
import { GrenStruct } from './gren-struct';
import { GREN_OBJECT_MARK } from './gren-object-mark';
import { artifactDirOf } from './artifact-dir';
import type { JobHandle } from './job-handle';
import { objectRuntime } from './object-runtime';

/**
 * Base of a cached computation. Subclasses declare fields with @Field(), implement
 * `_create()` (compute, write into `grenDir`, return the result) and `_load()` (read it back),
 * and may override `_validate()`. Pass the class itself as `Self`
 * (`class Train extends GrenObject<Model, Train>`) for compile-time checked init keys.
 * Everything that touches the store goes through the installed ObjectRuntime.
 */
export abstract class GrenObject<T = unknown, Self = unknown> extends GrenStruct<Self> {
  /** Store artifacts under `<GREN_PATH>/git` instead of `<GREN_PATH>/data`. */
  static versionControlled = false;
  /** Seconds loadOrCreate waits for another process's compute lock; null waits forever. */
  static maxWaitTimeSec: number | null = 600;

  /** Rebuilds an object of this class from toDict() output or a stored `gren_obj`. */
  static fromDict<C extends abstract new (...args: never[]) => unknown>(this: C, data: unknown): InstanceType<C> {
    const value = fromDict(data);
    if (!(value instanceof this)) {
      throw GrenSerializationError.badData(
        this.name,
        data,
        `it describes ${describeClassOf(value)}, not a ${this.name}.`,
      );
    }
    return value as InstanceType<C>;
  }

  /** 20 hex characters identifying this config; computed once per instance. */
  get grenHash(): string {
    return computeHash(this);
  }

  /**
   * The folder `_create()` writes and `_load()` reads: `<store>/{data|git}/<namespace as
   * folders>/<hash>`, the store being the current container's (the one loadOrCreate runs in,
   * else the active one). When the result was reused from an earlier identity of the config
   * (declared migrations), it is that artifact's folder. Reading it creates nothing.
   */
  get grenDir(): string {
    return objectRuntime().resultDir(artifactDirOf(this));
  }

  /** The store's shared `<store>/raw` folder (the same for every object). */
  get rawDir(): string {
    return objectRuntime().rawDir();
  }

  /**
   * The cached result: loaded when a valid one exists, otherwise computed by `_create()`
   * exactly once across processes sharing the store, while others wait for it.
   */
  loadOrCreate(options?: { container?: DependencyContainer }): Promise<T>;
  /** Submits the computation to `executor` and returns once it is accepted (a GrenJob). */
  loadOrCreate(options: { executor: Executor; container?: DependencyContainer }): Promise<JobHandle<T>>;
  loadOrCreate(options: { executor?: Executor; container?: DependencyContainer } = {}): Promise<T | JobHandle<T>> {
    return objectRuntime().loadOrCreate<T>(this, options);
  }

  /** Whether a valid result exists (reads only; never computes or writes). */
  exists(): Promise<boolean> {
    return objectRuntime().exists(this);
  }

  /** The artifact's metadata.json; throws `Metadata not found` before the first computation. */
  getMetadata(): GrenMetadata {
    return objectRuntime().metadata(this);
  }

  /**
   * Why loadOrCreate() would load or compute this config, reading the store only: its
   * artifact's state, or the nearest stored configs of its namespace and the fields that
   * differ (old → new). `formatExplanation()` prints it as `gren explain` does.
   */
  explain(options?: ExplainOptions): Explanation {
    return objectRuntime().explain(this, options);
  }

  /** Writes a line to this artifact's `.gren/gren.log` (and the console at or above GREN_LOG_LEVEL). */
  log(message: string, level: string = 'INFO'): string {
    return objectRuntime().log(this, message, level);
  }

  /** Computes the result, writing files into `grenDir`, and returns it. */
  protected abstract _create(): T | Promise<T>;

  /** Reads the result of an earlier `_create()` back from `grenDir`. */
  protected abstract _load(): T | Promise<T>;

  /**
   * Called when the computation is about to be stopped (a SLURM pre-timeout signal, SIGTERM,
   * SIGINT): write a checkpoint into `grenDir` so the next attempt can resume.
   */
  protected _onPreempt?(): void | Promise<void>;

  /** Whether a stored success is still usable; false (or throwing) makes gren recompute. */
  protected _validate(): boolean | Promise<boolean> {
    return true;
  }
}

Object.defineProperty(GrenObject.prototype, GREN_OBJECT_MARK, { value: true });

function describeClassOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  return `a ${value.constructor.name}`;
}
