import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

/**
 * Checks the files of a gren store against the JSON Schemas in this folder (derived from the
 * Python gren's state, events, marker and metadata files) and against what JSON Schema cannot express: key
 * order, Python's json.dumps layout (2-space indent or `", "`/`": "` separators, ASCII
 * escaping, floats written as floats, no trailing newline). Independent of gren's own
 * reader and writer, so it can judge them.
 */

type Json = Record<string, unknown>;

const ajv = new Ajv2020({ strict: true, allErrors: true });

function schema(name: string): ValidateFunction {
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, name), 'utf8')) as Json);
}

const validators = {
  state: schema('state.schema.json'),
  event: schema('event.schema.json'),
  success: schema('success.schema.json'),
  metadata: schema('metadata.schema.json'),
  typescriptMetadata: schema('metadata-ts.schema.json'),
};

// Key orders of the Python gren's files, written out independently of lib/.
const STATE_KEYS = ['schema_version', 'result', 'attempt', 'updated_at'];
const ATTEMPT_KEYS = [
  'id',
  'number',
  'backend',
  'status',
  'started_at',
  'heartbeat_at',
  'lease_duration_sec',
  'lease_expires_at',
  'owner',
  'scheduler',
];
const ATTEMPT_EXTRA_KEYS: Readonly<Record<string, readonly string[]>> = {
  queued: [],
  running: [],
  success: ['ended_at', 'reason'],
  failed: ['ended_at', 'error', 'reason'],
  cancelled: ['ended_at', 'error', 'reason'],
  preempted: ['ended_at', 'error', 'reason'],
  crashed: ['ended_at', 'error', 'reason'],
};
const OWNER_KEYS = [
  'pid',
  'host',
  'hostname',
  'user',
  'command',
  'timestamp',
  'python_version',
  'executable',
  'platform',
];
const ERROR_KEYS = ['type', 'message', 'traceback'];
const EVENT_HEAD_KEYS = ['ts', 'pid', 'host', 'type'];
const EVENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  attempt_started: ['attempt_id', 'backend', 'status'],
  attempt_running: ['attempt_id', 'backend'],
  attempt_finished: ['attempt_id', 'status', 'reason'],
  result_invalidated: ['reason', 'at'],
};
const SUCCESS_KEYS = ['attempt_id', 'created_at'];
export const REFERENCE_METADATA_KEYS = [
  'gren_python_def',
  'gren_obj',
  'gren_hash',
  'gren_path',
  'git_commit',
  'git_branch',
  'git_remote',
  'git_patch',
  'git_submodules',
  'timestamp',
  'command',
  'python_version',
  'executable',
  'platform',
  'hostname',
  'user',
  'pid',
];
export const TYPESCRIPT_METADATA_KEYS = [
  'gren_ts_def',
  'gren_ts_module',
  'gren_version',
  'node_version',
  'gren_dependencies',
];

export interface StoreCheck {
  /** How many files (or event lines) of each kind were checked. */
  counts: { state: number; events: number; success: number; metadata: number; typescriptMetadata: number };
  /** `<file>: <what is wrong>`; empty when everything conforms. */
  problems: string[];
  /** The parsed state.json files, for coverage assertions. */
  states: { file: string; state: Json }[];
  metadata: { file: string; metadata: Json }[];
  /** The parsed metadata-ts.json files (our own facts, beside metadata.json). */
  typescriptMetadata: { file: string; metadata: Json }[];
}

/** Checks every state.json, events.jsonl, SUCCESS.json, metadata.json and metadata-ts.json under `store`. */
export function checkStoreFiles(store: string): StoreCheck {
  const check: StoreCheck = {
    counts: { state: 0, events: 0, success: 0, metadata: 0, typescriptMetadata: 0 },
    problems: [],
    states: [],
    metadata: [],
    typescriptMetadata: [],
  };
  for (const internal of findInternalDirs(store)) {
    const at = (name: string): string => path.join(internal, name);
    if (fs.existsSync(at('state.json'))) checkState(at('state.json'), check);
    if (fs.existsSync(at('events.jsonl'))) checkEvents(at('events.jsonl'), check);
    if (fs.existsSync(at('SUCCESS.json'))) checkSuccess(at('SUCCESS.json'), check);
    if (fs.existsSync(at('metadata.json'))) checkMetadata(at('metadata.json'), check);
    if (fs.existsSync(at('metadata-ts.json'))) checkTypeScriptMetadata(at('metadata-ts.json'), check);
  }
  return check;
}

function findInternalDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name === '.gren') found.push(full);
      else walk(full);
    }
  };
  walk(root);
  return found.sort();
}

function checkState(file: string, check: StoreCheck): void {
  check.counts.state += 1;
  const problems = (problem: string): number => check.problems.push(`${file}: ${problem}`);
  const text = fs.readFileSync(file, 'utf8');
  const state = JSON.parse(text) as Json;
  check.states.push({ file, state });
  schemaProblems(validators.state, state).forEach(problems);
  keyOrderProblems(state, STATE_KEYS, '').forEach(problems);
  const result = state.result as Json | undefined;
  if (result)
    keyOrderProblems(result, result.status === 'success' ? ['status', 'created_at'] : ['status'], 'result.').forEach(
      problems,
    );
  const attempt = state.attempt as Json | null | undefined;
  if (attempt) {
    keyOrderProblems(
      attempt,
      [...ATTEMPT_KEYS, ...(ATTEMPT_EXTRA_KEYS[String(attempt.status)] ?? [])],
      'attempt.',
    ).forEach(problems);
    keyOrderProblems(attempt.owner as Json, OWNER_KEYS, 'attempt.owner.').forEach(problems);
    if (attempt.error) keyOrderProblems(attempt.error as Json, ERROR_KEYS, 'attempt.error.').forEach(problems);
    if (!/"lease_duration_sec": -?\d+(\.\d+(e[-+]?\d+)?|e[-+]?\d+),\n/.test(text))
      problems('lease_duration_sec is not written as a float (120.0)');
  }
  const normalized = text.replace(/("lease_duration_sec": -?\d+)\.0,\n/, '$1,\n');
  if (normalized !== pythonIndented(state))
    problems("is not laid out as Python's json.dumps(indent=2) (indentation, ASCII escaping or a trailing newline)");
}

function checkEvents(file: string, check: StoreCheck): void {
  const text = fs.readFileSync(file, 'utf8');
  const problems = (line: number, problem: string): number => check.problems.push(`${file}:${line}: ${problem}`);
  if (!text.endsWith('\n')) check.problems.push(`${file}: does not end with a newline`);
  text
    .split('\n')
    .filter((line) => line.length > 0)
    .forEach((line, index) => {
      check.counts.events += 1;
      const event = JSON.parse(line) as Json;
      schemaProblems(validators.event, event).forEach((problem) => problems(index + 1, problem));
      const own = (EVENT_KEYS[String(event.type)] ?? []).filter((key) => key in event);
      keyOrderProblems(event, [...EVENT_HEAD_KEYS, ...own], '').forEach((problem) => problems(index + 1, problem));
      if (line !== pythonOneLine(event))
        problems(index + 1, 'is not written with Python\'s json.dumps separators (", " and ": ") and ASCII escaping');
    });
}

function checkSuccess(file: string, check: StoreCheck): void {
  check.counts.success += 1;
  const text = fs.readFileSync(file, 'utf8');
  const marker = JSON.parse(text) as Json;
  schemaProblems(validators.success, marker).forEach((problem) => check.problems.push(`${file}: ${problem}`));
  keyOrderProblems(marker, SUCCESS_KEYS, '').forEach((problem) => check.problems.push(`${file}: ${problem}`));
  if (text !== pythonIndented(marker)) check.problems.push(`${file}: is not laid out as Python's json.dumps(indent=2)`);
}

function checkMetadata(file: string, check: StoreCheck): void {
  check.counts.metadata += 1;
  const text = fs.readFileSync(file, 'utf8');
  const metadata = JSON.parse(text) as Json;
  check.metadata.push({ file, metadata });
  const problems = (problem: string): number => check.problems.push(`${file}: ${problem}`);
  schemaProblems(validators.metadata, metadata).forEach(problems);
  keyOrderProblems(metadata, REFERENCE_METADATA_KEYS, '').forEach(problems);
  // Floats inside gren_obj are Python reprs (1e-05), so only the outer layout is compared.
  if (/[^\t\n\r -~]/.test(text)) problems('contains non-ASCII characters (Python escapes them)');
  if (!text.startsWith('{\n  "gren_python_def": ') || !text.endsWith('\n}'))
    problems("is not laid out as Python's json.dumps(indent=2)");
}

function checkTypeScriptMetadata(file: string, check: StoreCheck): void {
  check.counts.typescriptMetadata += 1;
  const text = fs.readFileSync(file, 'utf8');
  const metadata = JSON.parse(text) as Json;
  check.typescriptMetadata.push({ file, metadata });
  const problems = (problem: string): number => check.problems.push(`${file}: ${problem}`);
  schemaProblems(validators.typescriptMetadata, metadata).forEach(problems);
  keyOrderProblems(metadata, TYPESCRIPT_METADATA_KEYS, '').forEach(problems);
  if (!fs.existsSync(path.join(path.dirname(file), 'metadata.json'))) problems('has no metadata.json beside it');
}

function schemaProblems(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (error) => `schema: ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

function keyOrderProblems(value: Json, expected: readonly string[], prefix: string): string[] {
  const actual = Object.keys(value);
  if (actual.join(',') === expected.join(',')) return [];
  return [`key order of ${prefix || 'the top level'}: [${actual.join(', ')}], expected [${expected.join(', ')}]`];
}

/** JSON text with non-ASCII characters escaped as Python's ensure_ascii does (`\u00e9`). */
function asciiEscaped(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python `json.dumps(value, indent=2)` for values without non-integral floats. */
function pythonIndented(value: unknown): string {
  return asciiEscaped(JSON.stringify(value, null, 2));
}

/** Python `json.dumps(event)` for a flat object of strings and integers. */
function pythonOneLine(value: Json): string {
  return `{${Object.entries(value)
    .map(([key, item]) => `${asciiEscaped(JSON.stringify(key))}: ${asciiEscaped(JSON.stringify(item))}`)
    .join(', ')}}`;
}
