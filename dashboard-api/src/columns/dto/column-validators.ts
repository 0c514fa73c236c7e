import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { GrenError } from 'gren-ts';
import { problemOf } from '../../experiments/dto/query-validators';
import { parseColumns, parseSort } from '../column-name';

/** Text values, as a query string gives them (one or repeated). */
export const toTextList = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? [value] : value);

/** `columns` (and `color`): column names, repeated or comma-separated. */
@ValidatorConstraint({ name: 'columns' })
export class ColumnsConstraint implements ValidatorConstraintInterface {
  private problem = '';

  validate(value: unknown, args: ValidationArguments): boolean {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item !== 'string')) {
      this.problem = `${args.property} must be text: column names such as config.lr or result.loss`;
      return false;
    }
    return this.check(() => parseColumns(values as string[], args.property));
  }

  defaultMessage(): string {
    return this.problem;
  }

  protected check(action: () => unknown): boolean {
    this.problem = problemOf(action) ?? '';
    return this.problem === '';
  }
}

/** `sort`: a column name, "-" first for descending. */
@ValidatorConstraint({ name: 'sort' })
export class SortConstraint extends ColumnsConstraint {
  override validate(value: unknown): boolean {
    return this.check(() => {
      if (typeof value !== 'string') throw new GrenError('INVALID_PARAMETER', 'Invalid sort: give it once, as text');
      return parseSort(value);
    });
  }
}
