import { getMetadataStorage } from 'class-validator';
import { GrenDefinitionError } from '../errors/definition-error';
import { sortByCodePoint } from '../identity/code-point-order';
import { pythonJsonString } from '../identity/json-string';
import { isMissing } from '../model/missing';
import type { ClassModel, FieldModel, HashEntry } from './class-model';
import { readFieldDefaults } from './field-defaults';
import type { FieldRecord } from './field-record';
import { FIELD_RECORDS } from './metadata-keys';
import { getOwnMetadata } from './reflect-keys';
import { registry } from './registry';
import { RESERVED_FIELD_NAMES } from './reserved-names';
import { resolveFieldType } from './resolve-field-type';
import { typeFromDefault } from './type-from-default';
import type { AnyClass } from './type-spec';

/**
 * The class's model: fields merged along the inheritance chain (parent fields first; a
 * field a subclass declares again keeps its place and takes the new options), types
 * resolved, hash order precomputed. Built on first use, when every lazy type thunk can be
 * called, then cached and frozen.
 */
export function classModel(cls: AnyClass): ClassModel {
  const cached = registry.cachedModel(cls);
  if (cached) return cached;
  const entry = registry.classEntry(cls);
  if (!entry) throw GrenDefinitionError.notDecorated(cls.name, 'a gren config class');
  const className = entry.cls.name;
  const defaults = lazyDefaults(entry.record.original);
  const fields = mergedFieldRecords(entry.record.original).map((record) => buildField(className, record, defaults));
  const byName = new Map(fields.map((field) => [field.name, field]));
  const model: ClassModel = Object.freeze({
    cls: entry.cls,
    className,
    namespace: entry.namespace,
    sourceFile: entry.record.sourceFile,
    fields: Object.freeze(fields),
    fieldNames: Object.freeze(fields.map((field) => field.name)),
    byName,
    hashEntries: Object.freeze(hashEntries(fields, pythonJsonString(entry.namespace))),
    hasValidators: hasClassValidatorRules(entry.record.original),
    hasMigrations: (entry.record.options.migrations?.length ?? 0) > 0,
  });
  registry.cacheModel(entry.cls, model);
  if (entry.record.original !== entry.cls) registry.cacheModel(entry.record.original, model);
  return model;
}

function mergedFieldRecords(original: AnyClass): FieldRecord[] {
  const prototypes: object[] = [];
  for (
    let proto: unknown = original.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    prototypes.unshift(proto);
  }
  const merged = new Map<string, FieldRecord>();
  for (const proto of prototypes) {
    for (const record of getOwnMetadata(FIELD_RECORDS, proto) ?? []) merged.set(record.name, record);
  }
  return [...merged.values()];
}

type DefaultsReader = () => Readonly<Record<string, unknown>> | undefined;

function lazyDefaults(original: AnyClass): DefaultsReader {
  let read = false;
  let defaults: Readonly<Record<string, unknown>> | undefined;
  return () => {
    if (!read) defaults = readFieldDefaults(original);
    read = true;
    return defaults;
  };
}

function buildField(className: string, record: FieldRecord, defaults: DefaultsReader): FieldModel {
  if (RESERVED_FIELD_NAMES.has(record.name)) throw GrenDefinitionError.reservedField(className, record.name);
  const spec = record.typeThunk
    ? record.typeThunk()
    : (record.options.type ?? record.designType ?? typeOfDefault(className, record.name, defaults));
  return Object.freeze({
    name: record.name,
    hashed: !record.name.startsWith('_') && record.options.hash !== false,
    type: resolveFieldType(spec, className, record.name),
    description: record.options.description,
  });
}

/** Code compiled without design:type metadata: the default value's type, where it is unambiguous. */
function typeOfDefault(className: string, name: string, defaults: DefaultsReader): unknown {
  const values = defaults();
  const type = values ? typeFromDefault(values[name]) : undefined;
  if (type !== undefined) return type;
  const fieldDefault = values ? { value: values[name], required: isMissing(values[name]) } : undefined;
  throw GrenDefinitionError.untypedField(className, name, fieldDefault);
}

function hashEntries(fields: readonly FieldModel[], namespaceJson: string): HashEntry[] {
  const hashed = new Map(fields.filter((field) => field.hashed).map((field) => [field.name, field]));
  const keys = sortByCodePoint([...hashed.keys(), '__class__']);
  return keys.map((key, index) => {
    const prefix = `${index === 0 ? '' : ','}${pythonJsonString(key)}:`;
    const field = hashed.get(key);
    return field
      ? Object.freeze({ marker: false, bytes: asciiBytes(prefix), field })
      : Object.freeze({ marker: true, bytes: asciiBytes(prefix + namespaceJson) });
  });
}

/** The bytes of a JSON text that pythonJsonString made ASCII. */
function asciiBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function hasClassValidatorRules(original: AnyClass): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(original, '', false, false).length > 0;
}
