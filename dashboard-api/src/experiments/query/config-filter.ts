import { DashboardError } from '../../common/errors/dashboard-error';
import { orderMatches, parseBound } from './config-comparison';

/** How a config_filter compares the field with its value. */
export type ConfigOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One `config_filter=<dotted.path><operator><value>` condition. */
export interface ConfigFilter {
  path: readonly string[];
  operator: ConfigOperator;
  value: string;
}

const OPERATOR_HELP = 'write <field.path><op><value> with op one of =, !=, <, <=, >, >= (for example model.lr>=0.001)';

/**
 * Parses a config filter, split at its first operator (=, !=, <, <=, >, >=): the value may hold
 * any character, so `name=a=b` compares with "a=b" (a filter without an operator is refused,
 * not silently ignored). The path is dotted; a numeric part also indexes into an array. The
 * ordering operators take a number.
 */
export function parseConfigFilter(raw: string): ConfigFilter {
  const at = raw.search(/[<>=]|!=/);
  if (at < 0) throw DashboardError.invalidParameter('config_filter', `"${raw}" has no operator; ${OPERATOR_HELP}`);
  const operator = /^(<=|>=|!=|<|>|=)/.exec(raw.slice(at))?.[1] as ConfigOperator;
  const path = raw.slice(0, at).trim();
  const parts = path.split('.');
  if (path.length === 0 || parts.some((part) => part.length === 0)) {
    throw DashboardError.invalidParameter(
      'config_filter',
      `"${raw}" needs a dotted field path before "${operator}", for example model.lr=0.001`,
    );
  }
  const value = raw.slice(at + operator.length).trim();
  if (isOrdering(operator) && parseBound(value) === undefined) {
    throw DashboardError.invalidParameter(
      'config_filter',
      `"${raw}" compares with "${value}", which is not a number; ${operator} takes a number such as 0.001, 5000 or 1e-3`,
    );
  }
  return { path: parts, operator, value };
}

function isOrdering(operator: ConfigOperator): operator is '<' | '<=' | '>' | '>=' {
  return operator !== '=' && operator !== '!=';
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
 * Whether a config leaf equals a filter value, compared by the leaf's type: numbers
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

/**
 * Whether a config passes every filter (they are ANDed). No config means no match, and a
 * missing field matches no condition, `!=` included.
 */
export function configMatches(config: unknown, filters: readonly ConfigFilter[]): boolean {
  if (typeof config !== 'object' || config === null) return false;
  return filters.every((filter) => filterMatches(configLeaf(config, filter.path), filter));
}

function filterMatches(leaf: unknown, filter: ConfigFilter): boolean {
  switch (filter.operator) {
    case '=':
      return leafMatches(leaf, filter.value);
    case '!=':
      return isLeaf(leaf) && !leafMatches(leaf, filter.value);
    default:
      return orderMatches(leaf, filter.operator, filter.value);
  }
}

/** A scalar a filter can compare (objects and arrays are not leaves; a missing field is none). */
function isLeaf(value: unknown): boolean {
  return value === null || (value !== undefined && typeof value !== 'object');
}
