import { GrenDefinitionError } from '../errors/definition-error';
import { GrenError } from '../errors/gren-error';
import { toCanonicalJson } from '../identity/compute-hash';
import { namespaceProblem } from '../identity/derive-namespace';
import type { ClassModel } from '../metadata/class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { checkFieldValue } from '../model/check-field-value';
import { describeStep, type MigrationStep } from './migration-step';

/** A field as one version of the class had it. */
export interface VersionField {
  /** The declared type; undefined for a field the class no longer declares. */
  readonly type: FieldType | undefined;
  /** Whether the field is part of the hash (not `_private`, not `hash: false`). */
  readonly hashed: boolean;
}

/** The class as it was between two steps: its namespace and fields. */
export interface HistoryVersion {
  readonly namespace: string;
  readonly fields: ReadonlyMap<string, VersionField>;
}

/** A class's declared migrations and the versions they imply, checked once per class. */
export interface ClassHistory {
  readonly model: ClassModel;
  readonly steps: readonly MigrationStep[];
  /** `versions[i]` is the class before `steps[i]`; the last entry is the class now. */
  readonly versions: readonly HistoryVersion[];
}

const histories = new WeakMap<ClassModel, ClassHistory>();

/**
 * The checked history of a class: walks its steps from now back to the first, so that each
 * step is judged against the fields the class had at that point. Throws GrenDefinitionError
 * naming the class and the step.
 */
export function classHistory(model: ClassModel): ClassHistory {
  const cached = histories.get(model);
  if (cached) return cached;
  const steps = registry.classEntry(model.cls)?.record.options.migrations ?? [];
  const now: HistoryVersion = {
    namespace: model.namespace,
    fields: new Map(model.fields.map((field) => [field.name, { type: field.type, hashed: field.hashed }])),
  };
  const versions: HistoryVersion[] = [now];
  const seenNamespaces = new Set([model.namespace]);
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const step = steps[index] as MigrationStep;
    versions.unshift(versionBefore(model, step, versions[0] as HistoryVersion, seenNamespaces));
  }
  const history: ClassHistory = Object.freeze({ model, steps, versions: Object.freeze(versions) });
  histories.set(model, history);
  return history;
}

function versionBefore(
  model: ClassModel,
  step: MigrationStep,
  after: HistoryVersion,
  seen: Set<string>,
): HistoryVersion {
  const fields = new Map(after.fields);
  const fail = (why: string, fix: string): never => {
    throw GrenDefinitionError.migrationStep(model.className, describeStep(step), why, fix);
  };
  switch (step.kind) {
    case 'addedField': {
      const field = fields.get(step.field);
      if (!field)
        fail(`names the field '${step.field}', which the class does not have after that step`, fieldsHint(fields));
      checkDefault(model, step, field as VersionField, fail);
      fields.delete(step.field);
      return { namespace: after.namespace, fields };
    }
    case 'renamedField': {
      const field = fields.get(step.to);
      if (!field)
        fail(`names the field '${step.to}', which the class does not have after that step`, fieldsHint(fields));
      if (fields.has(step.from))
        fail(
          `renames to '${step.to}' a field '${step.from}' the class still has after that step`,
          'Drop the step, or rename the old field.',
        );
      fields.delete(step.to);
      fields.set(step.from, { type: field?.type, hashed: isHashedName(step.from) && field?.hashed !== false });
      return { namespace: after.namespace, fields };
    }
    case 'removedField': {
      if (fields.has(step.field))
        fail(
          `names the field '${step.field}', which the class still declares after that step`,
          'Remove the @Field, or drop the step.',
        );
      checkHashable(step.value, fail);
      fields.set(step.field, { type: undefined, hashed: isHashedName(step.field) });
      return { namespace: after.namespace, fields };
    }
    case 'movedFrom': {
      const problem = namespaceProblem(step.namespace);
      if (problem)
        fail(
          `names an invalid namespace: ${problem}`,
          "Give the dotted namespace the class had, e.g. movedFrom('my_project.old_module.Train').",
        );
      if (seen.has(step.namespace))
        fail(
          `makes a cycle: the class already had namespace '${step.namespace}' later in its history`,
          'Each movedFrom must name a namespace the class left, once.',
        );
      const owner = registry.byNamespace(step.namespace);
      if (owner && owner.cls !== model.cls) {
        fail(
          `names '${step.namespace}', which ${owner.cls.name} is registered under now`,
          `Two classes cannot own the artifacts of one namespace; fix the namespace of ${owner.cls.name} or of the step.`,
        );
      }
      seen.add(step.namespace);
      return { namespace: step.namespace, fields };
    }
  }
}

function checkDefault(
  model: ClassModel,
  step: { field: string; defaultValue: unknown },
  field: VersionField,
  fail: (why: string, fix: string) => never,
): void {
  if (step.defaultValue === undefined)
    fail('has no default value', "Pass the value old configs behaved as, e.g. addedField('seed', 0).");
  if (!field.type) return checkHashable(step.defaultValue, fail);
  try {
    checkFieldValue(step.defaultValue, field.type, model.className, step.field);
  } catch (error) {
    if (error instanceof GrenError)
      fail(
        `has a default of the wrong type (${error.message.replace(/\.$/, '')})`,
        "Pass a default of the field's type.",
      );
    throw error;
  }
}

function checkHashable(value: unknown, fail: (why: string, fix: string) => never): void {
  try {
    toCanonicalJson(value);
  } catch (error) {
    fail(
      `has a value that cannot be hashed (${error instanceof Error ? error.message : String(error)})`,
      'Pass the value as the class stored it.',
    );
  }
}

function isHashedName(name: string): boolean {
  return !name.startsWith('_');
}

function fieldsHint(fields: ReadonlyMap<string, VersionField>): string {
  const names = [...fields.keys()];
  return `At that point it has: ${names.length > 0 ? names.join(', ') : 'no fields'}. Steps are listed oldest first.`;
}
