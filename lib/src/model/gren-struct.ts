import { GrenDefinitionError } from '../errors/definition-error';
import { classModel } from '../metadata/build-class-model';
import { registry } from '../metadata/registry';
import { toCode, type ToCodeOptions } from '../serialization/to-code';
import { toDict } from '../serialization/to-dict';
import { toPython } from '../serialization/to-python';
import type { InitOf } from './config-fields';
import { deepEqual } from './deep-equal';

/**
 * Base of a plain nested config: hashable and serializable, never cached on its own. Pass
 * the class itself as `Self` (`class Optimizer extends GrenStruct<Optimizer>`) to have
 * misspelled init keys fail to compile.
 */
export abstract class GrenStruct<Self = unknown> {
  // The init object is applied by the @Gren() wrapper after all field initializers ran.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  constructor(init?: InitOf<Self>) {
    if (!registry.isRegistered(new.target)) {
      throw GrenDefinitionError.notDecorated(new.target.name, 'a gren base class');
    }
  }

  /** Same class and equal field values, private fields included. */
  equals(other: unknown): boolean {
    return this === other || deepEqual(this, other);
  }

  /** A copy with some fields changed (the object itself is immutable). */
  replace(changes: InitOf<Self>): this {
    const model = classModel(this.constructor as never);
    const record = this as unknown as Record<string, unknown>;
    const init: Record<string, unknown> = {};
    for (const name of model.fieldNames) init[name] = record[name];
    const Ctor = this.constructor as new (init: object) => this;
    return new Ctor({ ...init, ...(changes as object) });
  }

  /** `{"__class__": namespace, ...fields}`, lossless (see GrenSerializer.toDict). */
  toDict(): Record<string, unknown> {
    return toDict(this) as Record<string, unknown>;
  }

  /** TypeScript source that rebuilds an equal object. */
  toCode(options: ToCodeOptions = {}): string {
    return toCode(this, options);
  }

  /** The Python gren's text for this config (`ns.Class(f=v)`), for interop. */
  toPython(options: { multiline?: boolean } = {}): string {
    return toPython(this, options.multiline ?? false);
  }
}
