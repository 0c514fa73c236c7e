import { GrenConfigError } from '../errors/config-error';
import { classModel } from '../metadata/build-class-model';
import { classHistory } from '../migration/class-history';
import type { AnyClass } from '../metadata/type-spec';
import { checkFieldValue } from './check-field-value';
import { deepFreeze } from './deep-freeze';
import { attachIdentitySlot } from './identity-slot';
import { isPlainObject } from './is-plain-object';
import { MISSING } from './missing';
import { runValidators } from './run-validators';

/**
 * The last step of `new X(init)`, run by the @Gren() wrapper once every constructor and
 * field initializer of the class chain has run: apply the init values over the defaults,
 * check required fields and types, run class-validator rules, freeze.
 */
export function finalizeConstruction(instance: object, init: unknown, cls: AnyClass): void {
  const model = classModel(cls);
  const target = instance as Record<string, unknown>;
  if (init !== undefined) {
    if (!isPlainObject(init)) throw GrenConfigError.initNotObject(model.className, init);
    for (const key of Object.keys(init)) {
      if (!model.byName.has(key)) throw GrenConfigError.unknownField(model.className, key, model.fieldNames);
      target[key] = init[key];
    }
  }
  for (const field of model.fields) {
    const value = target[field.name];
    if (value === MISSING) throw GrenConfigError.missingField(model.className, field.name);
    if (value === undefined) throw GrenConfigError.undefinedField(model.className, field.name);
    const checked = checkFieldValue(value, field.type, model.className, field.name);
    if (checked !== value) target[field.name] = checked;
    deepFreeze(checked);
  }
  if (model.hasValidators) runValidators(instance, model.className);
  if (model.hasMigrations) classHistory(model);
  attachIdentitySlot(instance);
  Object.freeze(instance);
}
