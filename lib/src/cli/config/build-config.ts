import { GrenConfigError } from '../../errors/config-error';
import { classModel } from '../../metadata/build-class-model';
import { registry } from '../../metadata/registry';
import type { AnyClass } from '../../metadata/type-spec';
import { isPlainObject } from '../../model/is-plain-object';
import { GrenCliError } from '../cli-error';
import type { FieldAssignment } from './parse-set';
import { parseFieldValue } from './parse-field-value';

interface Replaceable {
  replace(changes: object): object;
}

/**
 * `new cls()` with the `--set` assignments applied: top-level fields go into the init
 * object; a dotted one changes a copy of the nested config (`dataset.name=mnist` is
 * `dataset: defaultDataset.replace({ name: 'mnist' })`) or of a plain object field.
 * Unknown fields and invalid values fail as the constructor fails (GrenConfigError).
 */
export function buildConfig(cls: AnyClass, assignments: readonly FieldAssignment[]): object {
  return apply(cls, undefined, assignments);
}

function apply(cls: AnyClass, base: object | undefined, assignments: readonly FieldAssignment[]): object {
  const model = classModel(cls);
  const direct: Record<string, unknown> = {};
  const nested = new Map<string, FieldAssignment[]>();
  for (const assignment of assignments) {
    const [name, ...rest] = assignment.path as [string, ...string[]];
    const field = model.byName.get(name);
    if (!field) throw GrenConfigError.unknownField(model.className, name, model.fieldNames);
    if (rest.length === 0) direct[name] = parseFieldValue(assignment.text, field.type);
    else nested.set(name, [...(nested.get(name) ?? []), { path: rest, text: assignment.text }]);
  }
  let instance = base
    ? (base as unknown as Replaceable).replace(direct)
    : new (cls as unknown as new (init: object) => object)(direct);
  if (nested.size === 0) return instance;
  const changes: Record<string, unknown> = {};
  for (const [name, list] of nested) {
    const current = (instance as Record<string, unknown>)[name];
    if (typeof current === 'object' && current !== null && registry.isRegistered(current.constructor)) {
      changes[name] = apply(current.constructor as AnyClass, current, list);
    } else if (isPlainObject(current)) {
      changes[name] = setInPlain(current, list);
    } else {
      throw GrenCliError.usage(
        `${model.className}.${name} holds no nested config or object, so --set ${name}.${list[0]!.path.join('.')} cannot apply.`,
      );
    }
  }
  instance = (instance as unknown as Replaceable).replace(changes);
  return instance;
}

function setInPlain(value: Record<string, unknown>, assignments: readonly FieldAssignment[]): Record<string, unknown> {
  const copy = copyPlain(value) as Record<string, unknown>;
  for (const assignment of assignments) {
    let target: Record<string, unknown> = copy;
    for (const key of assignment.path.slice(0, -1)) {
      const next = target[key];
      target[key] = isPlainObject(next) ? next : {};
      target = target[key] as Record<string, unknown>;
    }
    target[assignment.path[assignment.path.length - 1]!] = parseFieldValue(assignment.text, undefined);
  }
  return copy;
}

/** A copy of plain objects and arrays (unfrozen), sharing every other value. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)]));
  return value;
}
