import { DashboardError } from '../../common/errors/dashboard-error';

/** One `config_filter=<dotted.path>=<value>` condition. */
export interface ConfigFilter {
  path: readonly string[];
  value: string;
}

/**
 * Parses a config filter, split at the first `=` (D3: a filter without one is a 422, not
 * silently ignored). The path is dotted; a numeric part also indexes into an array.
 */
export function parseConfigFilter(raw: string): ConfigFilter {
  const at = raw.indexOf('=');
  if (at < 0) {
    throw DashboardError.invalidParameter(
      'config_filter',
      `"${raw}" has no "="; write <field.path>=<value>, for example model.lr=0.001`,
    );
  }
  const path = raw.slice(0, at).trim();
  const parts = path.split('.');
  if (path.length === 0 || parts.some((part) => part.length === 0)) {
    throw DashboardError.invalidParameter(
      'config_filter',
      `"${raw}" needs a dotted field path before "=", for example model.lr=0.001`,
    );
  }
  return { path: parts, value: raw.slice(at + 1).trim() };
}

/** The value at `path` inside a config, or undefined when the path does not exist. */
export function configLeaf(config: unknown, path: readonly string[]): unknown {
  let current: unknown = config;
  for (const part of path) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else if (typeof current === 'object' && current !== null && Object.prototype.hasOwnProperty.call(current, part)) {
      current = (current as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Whether a config leaf equals a filter value, compared by the leaf's type (D8): numbers
 * numerically (`lr=1e-3` matches 0.001, `w=1` matches 1.0), booleans as true/false in any case
 * (Python's True too), strings exactly, and null or None only an explicit null — a missing
 * field never matches. Objects and arrays are not leaves and never match.
 */
export function leafMatches(leaf: unknown, value: string): boolean {
  switch (typeof leaf) {
    case 'string':
      return leaf === value;
    case 'number':
      return numberMatches(leaf, value);
    case 'bigint':
      return /^[+-]?\d+$/.test(value) ? BigInt(value) === leaf : numberMatches(Number(leaf), value);
    case 'boolean':
      return value.toLowerCase() === String(leaf);
    case 'object':
      return leaf === null && (value === 'null' || value === 'None');
    default:
      return false;
  }
}

function numberMatches(leaf: number, value: string): boolean {
  if (value === '') return false;
  const lower = value.toLowerCase();
  if (lower === 'nan') return Number.isNaN(leaf);
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf') return leaf === Infinity;
  if (lower === '-inf' || lower === '-infinity') return leaf === -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return false;
  return Number(value) === leaf;
}

/** Whether a config passes every filter (they are ANDed). No config means no match. */
export function configMatches(config: unknown, filters: readonly ConfigFilter[]): boolean {
  if (typeof config !== 'object' || config === null) return false;
  return filters.every((filter) => leafMatches(configLeaf(config, filter.path), filter.value));
}
