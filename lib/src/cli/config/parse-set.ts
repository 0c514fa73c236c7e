import { GrenCliError } from '../cli-error';

/** One `--set field.sub=value`: the field path and the value's text. */
export interface FieldAssignment {
  readonly path: readonly string[];
  readonly text: string;
}

/** Parses `--set` texts: `lr=0.0003`, `dataset.name=mnist`, `tags=["a","b"]` (split at the first `=`). */
export function parseAssignments(texts: readonly string[]): FieldAssignment[] {
  return texts.map((text) => {
    const cut = text.indexOf('=');
    const key = cut < 0 ? '' : text.slice(0, cut).trim();
    const path = key.split('.');
    if (cut <= 0 || path.some((part) => !/^[A-Za-z_$][\w$]*$/.test(part))) {
      throw GrenCliError.usage(
        `Invalid --set "${text}": write field=value, with dots for nested fields (dataset.name=mnist).`,
      );
    }
    return { path, text: text.slice(cut + 1) };
  });
}
