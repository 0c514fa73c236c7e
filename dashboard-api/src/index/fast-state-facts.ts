import type { ExperimentSummary } from '../contract/api-types';

/** What the index takes from a readable state.json (the list row and its parsed times). */
export interface ParsedStateFacts {
  summary: ExperimentSummary;
  updatedMs: number | null;
  startedMs: number | null;
}

// The pieces of the layout, as regular expression source. Strings follow JSON's grammar
// exactly (no raw control characters, only JSON's escapes), so a text the expression matches
// is a text JSON.parse accepts.
const CHARS = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
/** A JSON string whose value is not needed. */
const STR = `"${CHARS}"`;
/** A JSON string whose content (between the quotes, escapes undecoded) is captured. */
const CAPTURED = `"(${CHARS})"`;
const NULLABLE_STR = `(?:null|${STR})`;
/** A captured string or null (the group is undefined for null). */
const NULLABLE_CAPTURED = `(?:null|${CAPTURED})`;
/** Integers JSON.parse reads exactly (below 2^53): `attempt.number`, `owner.pid`. */
const INT = String.raw`-?(?:0|[1-9]\d{0,14})`;
/** A number without an exponent, below 1e300: finite (`lease_duration_sec`: gren writes `120.0`). */
const FINITE = String.raw`-?(?:0|[1-9]\d{0,299})(?:\.\d+)?`;
/** Any JSON number (scheduler facts, which nothing checks beyond being JSON). */
const NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const SCALAR = `(?:${STR}|${NUMBER}|true|false|null)`;
/** `{}` or an object of scalars, one key a line (the scheduler's facts). */
const FLAT_OBJECT = String.raw`(?:\{\}|\{\n      ${STR}: ${SCALAR}(?:,\n      ${STR}: ${SCALAR})*\n    \})`;
const ERROR_OBJECT = String.raw`\{\n      "type": ${STR},\n      "message": ${STR},\n      "traceback": ${NULLABLE_STR}\n    \}`;

/**
 * state.json as every gren writes it: Python's `json.dumps(indent=2)` and our
 * `serializeState` (the schema's key order, every key present, two-space indentation).
 * Groups: 1 result status, 2 created_at present, 3 attempt number, 4 backend, 5 attempt
 * status, 6 started_at, 7 host, 8 hostname, 9 user, 10 ended_at present, 11 error (text or
 * `null`), 12 reason (text or `null`), 13 updated_at.
 */
const LAYOUT = new RegExp(
  [
    String.raw`^\{\n  "schema_version": 1,\n  "result": \{\n    "status": "(absent|incomplete|failed|success)"`,
    String.raw`(,\n    "created_at": ${STR})?\n  \},\n  "attempt": (?:null|\{\n    "id": ${STR},\n`,
    String.raw`    "number": (${INT}),\n    "backend": ${CAPTURED},\n`,
    String.raw`    "status": "(queued|running|success|failed|cancelled|preempted|crashed)",\n`,
    String.raw`    "started_at": ${CAPTURED},\n    "heartbeat_at": ${STR},\n`,
    String.raw`    "lease_duration_sec": ${FINITE},\n    "lease_expires_at": ${STR},\n`,
    String.raw`    "owner": \{\n      "pid": (?:null|${INT}),\n      "host": ${NULLABLE_CAPTURED},\n`,
    String.raw`      "hostname": ${NULLABLE_CAPTURED},\n      "user": ${NULLABLE_CAPTURED},\n`,
    String.raw`      "command": ${NULLABLE_STR},\n      "timestamp": ${NULLABLE_STR},\n`,
    String.raw`      "python_version": ${NULLABLE_STR},\n      "executable": ${NULLABLE_STR},\n`,
    String.raw`      "platform": ${NULLABLE_STR}\n    \},\n    "scheduler": ${FLAT_OBJECT}`,
    String.raw`(?:(,\n    "ended_at": ${STR})(?:,\n    "error": (null|${ERROR_OBJECT}))?,\n`,
    String.raw`    "reason": (null|${STR}))?\n  \}),\n  "updated_at": ${NULLABLE_CAPTURED}\n\}[ \t\n\r]*$`,
  ].join(''),
);

/** The list-row facts of a state.json (statuses as written; null where the state has none). */
export interface StateFields {
  resultStatus: ExperimentSummary['result_status'];
  attemptStatus: ExperimentSummary['attempt_status'];
  attemptNumber: number | null;
  updatedAt: string | null;
  startedAt: string | null;
  backend: string | null;
  hostname: string | null;
  user: string | null;
  updatedMs: number | null;
  startedMs: number | null;
}

/**
 * The state.json facts for the layout every gren writes, read with one regular expression
 * instead of building the JSON object tree. The expression and the checks below accept only
 * what the strict reader (`parseState`) accepts, so whenever this answers, the answer equals
 * `summarizeState(parseState(JSON.parse(text)))`; for anything else (another layout, a
 * corrupt or newer file, a value it does not read exactly) it gives undefined, and the caller
 * uses the strict reader.
 */
export function fastStateFacts(
  text: string,
  namespace: string,
  hash: string,
  className: string,
): ParsedStateFacts | undefined {
  const fields = stateFields(text);
  return fields && factsFromFields(fields, namespace, hash, className);
}

/** The list row and times of fields read by `stateFields` (here or on a reader thread). */
export function factsFromFields(
  fields: StateFields,
  namespace: string,
  hash: string,
  className: string,
): ParsedStateFacts {
  return {
    summary: {
      namespace,
      gren_hash: hash,
      class_name: className,
      result_status: fields.resultStatus,
      attempt_status: fields.attemptStatus,
      attempt_number: fields.attemptNumber,
      updated_at: fields.updatedAt,
      started_at: fields.startedAt,
      backend: fields.backend,
      hostname: fields.hostname,
      user: fields.user,
    },
    updatedMs: fields.updatedMs,
    startedMs: fields.startedMs,
  };
}

/** The fields of `fastStateFacts` (reader threads run it too, through read-file-batch). */
export function stateFields(text: string): StateFields | undefined {
  const match = LAYOUT.exec(text);
  if (match === null) return undefined;
  const resultStatus = match[1] as ExperimentSummary['result_status'];
  // A successful result has its creation time; no other result has one.
  if ((resultStatus === 'success') !== (match[2] !== undefined)) return undefined;
  const attemptStatus = (match[5] ?? null) as ExperimentSummary['attempt_status'];
  let attemptNumber: number | null = null;
  let startedAt: string | null = null;
  let backend: string | null = null;
  let hostname: string | null = null;
  let user: string | null = null;
  if (attemptStatus !== null) {
    const ended = match[10] !== undefined;
    const error = match[11];
    const reason = match[12];
    if (attemptStatus === 'queued' || attemptStatus === 'running') {
      if (ended) return undefined;
    } else if (!ended) {
      return undefined;
    } else if (attemptStatus === 'success') {
      if (error !== undefined || reason !== 'null') return undefined;
    } else if (error === undefined || (attemptStatus === 'failed' && error === 'null')) {
      return undefined;
    }
    const host = decode(match[7]);
    const ownerHostname = decode(match[8]);
    const ownerUser = decode(match[9]);
    const started = decode(match[6]);
    const attemptBackend = decode(match[4]);
    if (
      host === undefined ||
      ownerHostname === undefined ||
      ownerUser === undefined ||
      started === undefined ||
      started === null ||
      attemptBackend === undefined ||
      attemptBackend === null
    ) {
      return undefined;
    }
    attemptNumber = Number(match[3]);
    startedAt = started;
    backend = attemptBackend;
    hostname = ownerHostname ?? host;
    user = ownerUser;
  }
  const updatedAt = decode(match[13]);
  if (updatedAt === undefined) return undefined;
  return {
    resultStatus,
    attemptStatus,
    attemptNumber,
    updatedAt,
    startedAt,
    backend,
    hostname,
    user,
    updatedMs: isoTimeMs(updatedAt),
    startedMs: isoTimeMs(startedAt),
  };
}

/**
 * Milliseconds since the epoch of a stored time, or null: `timeMs` (the library's
 * parseIsoTime: no zone means UTC) written out, so reader threads need not load the library.
 */
export function isoTimeMs(text: string | null): number | null {
  if (text === null) return null;
  // What gren writes ends in +00:00 (a zone: Date.parse as it is).
  const hasZone = text.endsWith('+00:00') || /([zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  const value = Date.parse(hasZone ? text : `${text}Z`);
  return Number.isNaN(value) ? null : value;
}

/**
 * A captured string's value (null when the group did not match: the JSON was `null`), as a
 * string of its own: V8 keeps a capture as a slice of the whole file's text, which would keep
 * every state.json in memory as long as the index keeps the value.
 */
export function decode(content: string | undefined): string | null | undefined {
  if (content === undefined) return null;
  if (!content.includes('\\')) return ` ${content}`.slice(1);
  try {
    return JSON.parse(`"${content}"`) as string;
  } catch {
    return undefined;
  }
}
