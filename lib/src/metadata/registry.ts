import { GrenDefinitionError } from '../errors/definition-error';
import type { ClassModel } from './class-model';
import type { ClassRecord } from './class-record';
import type { EnumInfo } from './enum-registry';
import type { AnyClass, EnumLike } from './type-spec';

export interface RegisteredClass {
  readonly cls: AnyClass;
  readonly namespace: string;
  readonly record: ClassRecord;
}

interface RegistryState {
  readonly byClass: Map<AnyClass, RegisteredClass>;
  readonly byNamespace: Map<string, RegisteredClass>;
  readonly models: Map<AnyClass, ClassModel>;
  readonly enums: Map<EnumLike, EnumInfo>;
  readonly enumsByName: Map<string, EnumInfo>;
  /** The classes that declare `@Gren({ migrations })`: while there is none, no config has an earlier identity. */
  migrating?: Set<AnyClass>;
}

const REGISTRY_KEY = Symbol.for('gren.registry');

/**
 * Classes by namespace and enums by name. Kept on globalThis so that two copies of the
 * package in one process share it; `reset()` clears it for tests.
 */
let known: RegistryState | undefined;

function state(): RegistryState {
  // The hash walk asks for models often: keep the state once found (reset() clears it in place).
  if (known) return known;
  const holder = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  let current = holder[REGISTRY_KEY];
  if (!current) {
    current = {
      byClass: new Map(),
      byNamespace: new Map(),
      models: new Map(),
      enums: new Map(),
      enumsByName: new Map(),
    };
    holder[REGISTRY_KEY] = current;
  }
  known = current;
  return current;
}

export const registry = {
  registerClass(entry: RegisteredClass): void {
    const { byNamespace, byClass } = state();
    const existing = byNamespace.get(entry.namespace);
    if (existing && existing.cls !== entry.cls) {
      throw GrenDefinitionError.duplicateNamespace(
        entry.namespace,
        { name: existing.cls.name, source: existing.record.sourceFile ?? 'unknown file' },
        { name: entry.cls.name, source: entry.record.sourceFile ?? 'unknown file' },
      );
    }
    byNamespace.set(entry.namespace, entry);
    byClass.set(entry.cls, entry);
    byClass.set(entry.record.original, entry);
    if ((entry.record.options.migrations?.length ?? 0) > 0) migratingClasses().add(entry.cls);
  },

  /** Whether any registered class declares migrations (else a config cannot map to an earlier identity). */
  hasMigratingClasses(): boolean {
    return (state().migrating?.size ?? 0) > 0;
  },

  classEntry(cls: unknown): RegisteredClass | undefined {
    return state().byClass.get(cls as AnyClass);
  },

  isRegistered(cls: unknown): boolean {
    return state().byClass.has(cls as AnyClass);
  },

  byNamespace(namespace: string): RegisteredClass | undefined {
    return state().byNamespace.get(namespace);
  },

  namespaces(): string[] {
    return [...state().byNamespace.keys()];
  },

  cachedModel(cls: AnyClass): ClassModel | undefined {
    return state().models.get(cls);
  },

  cacheModel(cls: AnyClass, model: ClassModel): void {
    state().models.set(cls, model);
  },

  registerEnum(info: EnumInfo): void {
    const { enums, enumsByName } = state();
    const existing = enumsByName.get(info.name);
    if (existing && existing.object !== info.object) {
      throw GrenDefinitionError.enumNotRegistered(
        `Two different enums are registered as "${info.name}"; give one of them another name`,
      );
    }
    enums.set(info.object, info);
    enumsByName.set(info.name, info);
  },

  enumInfo(object: unknown): EnumInfo | undefined {
    return state().enums.get(object as EnumLike);
  },

  enumByName(name: string): EnumInfo | undefined {
    return state().enumsByName.get(name);
  },

  /** Forget every class and enum: for tests that define classes again. */
  reset(): void {
    const current = state();
    current.byClass.clear();
    current.byNamespace.clear();
    current.models.clear();
    current.enums.clear();
    current.enumsByName.clear();
    current.migrating?.clear();
  },
};

/** The set of migrating classes (created on first use: a registry made by an older copy of the package has none). */
function migratingClasses(): Set<AnyClass> {
  const current = state();
  current.migrating ??= new Set();
  return current.migrating;
}
