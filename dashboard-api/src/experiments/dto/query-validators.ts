import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { GrenError } from 'gren-ts';
import { parseConfigFilter } from '../query/config-filter';
import { parseDatetimeParam } from '../query/parse-datetime';

/** An ISO 8601 datetime (an empty value means "no filter"). */
@ValidatorConstraint({ name: 'isoDatetime' })
export class IsoDatetimeConstraint implements ValidatorConstraintInterface {
  private problem = '';

  validate(value: unknown, args: ValidationArguments): boolean {
    if (value === undefined || value === '') return true;
    if (typeof value !== 'string') {
      this.problem = `${args.property} must be given once, as a string`;
      return false;
    }
    this.problem = problemOf(() => parseDatetimeParam(args.property, value)) ?? '';
    return this.problem === '';
  }

  defaultMessage(): string {
    return this.problem;
  }
}

/** The message of the GrenError `action` throws (a refused value), or undefined when it passes. */
export function problemOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof GrenError)) throw error;
    return error.message;
  }
}

/** Each config_filter is `<dotted.path><op><value>`. */
@ValidatorConstraint({ name: 'configFilter' })
export class ConfigFilterConstraint implements ValidatorConstraintInterface {
  private problem = '';

  validate(value: unknown): boolean {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item !== 'string') {
        this.problem = 'config_filter must be text: <field.path><op><value>, op one of =, !=, <, <=, >, >=';
        return false;
      }
      if (item === '') continue;
      const problem = problemOf(() => parseConfigFilter(item));
      if (problem !== undefined) {
        this.problem = problem;
        return false;
      }
    }
    return true;
  }

  defaultMessage(): string {
    return this.problem;
  }
}
