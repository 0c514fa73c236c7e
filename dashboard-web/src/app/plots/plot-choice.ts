import type { FieldInfo } from '@contract/columns-types';

/** What the plots page shows, from its URL. */
export interface PlotChoice {
  readonly view: 'scatter' | 'parallel';
  readonly x: string;
  readonly y: string;
  /** A column, or '' for the result status. */
  readonly color: string;
}

export const MAX_PARALLEL_AXES = 6;

/** Numeric columns, config fields that vary first. */
export function numericFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.filter((field) => field.kind === 'number');
}

/** Config fields taking more than one value among the filtered experiments: a sweep's axes. */
export function variedFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.filter((field) => field.source === 'config' && field.distinct > 1);
}

/**
 * The choice with defaults filled in: x a varied numeric config field, y a numeric result
 * (or the next numeric column), so a sweep shows something at once.
 */
export function withDefaults(choice: PlotChoice, fields: readonly FieldInfo[]): PlotChoice {
  const numeric = numericFields(fields);
  const preferredX =
    numeric.find((field) => field.source === 'config' && field.distinct > 1) ?? numeric[0];
  const x = choice.x || preferredX?.column || '';
  const preferredY =
    numeric.find((field) => field.source === 'result' && field.column !== x) ??
    numeric.find((field) => field.column !== x);
  return { ...choice, x, y: choice.y || preferredY?.column || '' };
}

/** The parallel view's axes: the varied config fields (at most 5), then y. */
export function parallelColumns(choice: PlotChoice, fields: readonly FieldInfo[]): string[] {
  const axes = variedFields(fields)
    .map((field) => field.column)
    .filter((column) => column !== choice.y)
    .slice(0, MAX_PARALLEL_AXES - 1);
  return choice.y ? [...axes, choice.y] : axes;
}
