import type { FieldInfo } from '@contract/columns-types';

const MAX_SUGGESTIONS = 40;
const VALUES_PER_PATH = 5;

/**
 * What the config filter box offers for the text typed so far: before an operator, the config
 * paths containing it (each with its most frequent values, `lr=0.001`); after one, that path's
 * known values starting with what follows the operator (`lr>=0.0`… → `lr>=0.001`).
 */
export function configSuggestions(typed: string, fields: readonly FieldInfo[]): string[] {
  const config = fields.filter((field) => field.source === 'config');
  const at = typed.search(/[<>=]|!=/);
  if (at < 0) {
    const needle = typed.trim().toLowerCase();
    const matching = config
      .map((field) => ({ field, path: field.column.slice('config.'.length) }))
      .filter(({ path }) => path.toLowerCase().includes(needle))
      .sort((a, b) => rank(a.path, needle) - rank(b.path, needle));
    const suggestions = matching.flatMap(({ field, path }) =>
      field.values.slice(0, VALUES_PER_PATH).map((value) => `${path}=${value}`),
    );
    return suggestions.slice(0, MAX_SUGGESTIONS);
  }
  const operator = /^(<=|>=|!=|<|>|=)/.exec(typed.slice(at))?.[1] ?? '=';
  const path = typed.slice(0, at).trim();
  const start = typed.slice(at + operator.length).trim();
  const field = config.find((candidate) => candidate.column === `config.${path}`);
  if (!field) return [];
  return field.values
    .filter((value) => value.startsWith(start))
    .slice(0, MAX_SUGGESTIONS)
    .map((value) => `${path}${operator}${value}`);
}

/** Paths starting with the text come first. */
function rank(path: string, needle: string): number {
  return path.toLowerCase().startsWith(needle) ? 0 : 1;
}
