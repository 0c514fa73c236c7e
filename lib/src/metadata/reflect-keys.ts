import 'reflect-metadata';
import { GrenDefinitionError } from '../errors/definition-error';

/**
 * The one module that talks to the Reflect metadata API. Keys are typed and namespaced, so
 * nothing reads a bare string key as `any`.
 */
export interface MetadataKey<T> {
  readonly symbol: symbol;
  /** Phantom member carrying the value type. */
  readonly valueType?: T;
}

export function metadataKey<T>(name: string): MetadataKey<T> {
  return { symbol: Symbol.for(`gren:${name}`) };
}

export function getOwnMetadata<T>(key: MetadataKey<T>, target: object): T | undefined {
  assertReflect();
  return Reflect.getOwnMetadata(key.symbol, target) as T | undefined;
}

export function hasOwnMetadata<T>(key: MetadataKey<T>, target: object): boolean {
  assertReflect();
  return Reflect.hasOwnMetadata(key.symbol, target);
}

export function defineOwnMetadata<T>(key: MetadataKey<T>, value: T, target: object): void {
  assertReflect();
  Reflect.defineMetadata(key.symbol, value, target);
}

/** What `emitDecoratorMetadata` recorded as a property's type, or undefined when nothing was. */
export function getDesignType(prototype: object, property: string): unknown {
  assertReflect();
  return Reflect.getOwnMetadata('design:type', prototype, property) as unknown;
}

function assertReflect(): void {
  if (typeof Reflect.getOwnMetadata !== 'function') throw GrenDefinitionError.missingReflect();
}
