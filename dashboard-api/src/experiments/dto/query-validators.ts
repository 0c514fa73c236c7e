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
    return this.check(() => parseDatetimeParam(args.property, value));
  }

  defaultMessage(): string {
    return this.problem;
  }

  private check(action: () => unknown): boolean {
    try {
      action();
      return true;
    } catch (error) {
      if (!(error instanceof GrenError)) throw error;
      this.problem = error.message;
      return false;
    }
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
      try {
        parseConfigFilter(item);
      } catch (error) {
        if (!(error instanceof GrenError)) throw error;
        this.problem = error.message;
        return false;
      }
    }
    return true;
  }

  defaultMessage(): string {
    return this.problem;
  }
}
