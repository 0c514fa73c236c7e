import { validateSync } from 'class-validator';
import { GrenConfigError } from '../errors/config-error';

/** Enforces class-validator decorators (`@Min(0)`, `@IsIn([...])`) on a freshly built config. */
export function runValidators(instance: object, className: string): void {
  const errors = validateSync(instance, { forbidUnknownValues: false });
  const first = errors[0];
  if (!first) return;
  const constraints = Object.values(first.constraints ?? {});
  throw GrenConfigError.invalidValue(
    className,
    first.property,
    first.value,
    constraints.length ? constraints : ['rejected by a validator'],
  );
}
