import * as os from 'node:os';
import * as path from 'node:path';
import { GrenSettingsError } from '../errors/settings-error';

export type LogLevelName = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** gren's run-time settings (the type of GREN_CONFIG). Mutable: tests and scripts may change them. */
export interface GrenSettings {
  /** GREN_PATH: the store root holding data/, git/ and raw/ (default ./data-gren). */
  basePath: string;
  /** GREN_POLL_INTERVAL_SECS: how often a waiter re-checks a busy artifact (default 10). */
  pollIntervalSecs: number;
  /** GREN_WAIT_LOG_EVERY_SECS: at most one "waiting for lock" line per this many seconds (default 10). */
  waitLogEverySecs: number;
  /** GREN_STALE_AFTER_SECS: how long a submitted job may stay unknown to the scheduler before its attempt is declared crashed (default 1800). */
  staleAfterSecs: number;
  /** GREN_LEASE_SECS: an attempt's lease; a holder silent for this long is presumed dead (default 120). */
  leaseSecs: number;
  /** GREN_HEARTBEAT_SECS: how often a running attempt renews its lease (default max(1, lease/3)). */
  heartbeatSecs: number;
  /** GREN_PREEMPT_MAX: how many times a preempted SLURM job is requeued (default 5). */
  preemptMax: number;
  /** GREN_IGNORE_DIFF: record `<ignored-diff>` instead of the git diff (default false). */
  ignoreDiff: boolean;
  /** GREN_REQUIRE_GIT: fail a computation when git information cannot be collected (default false). */
  requireGit: boolean;
  /** GREN_REQUIRE_GIT_REMOTE: fail a computation when the repository has no origin (default false). */
  requireGitRemote: boolean;
  /** GREN_FORCE_RECOMPUTE: class names or namespaces recomputed once per process (subclasses included). */
  forceRecompute: Set<string>;
  /** GREN_CANCELLED_IS_PREEMPTED: a scancel'ed SLURM job counts as preempted, not failed (default false). */
  cancelledIsPreempted: boolean;
  /** GREN_LOG_LEVEL: console level (default INFO); the artifact log always gets DEBUG. */
  logLevel: LogLevelName;
  /** GREN_CACHE_METADATA: seconds git information is reused (default 300; 0 = never, Infinity = forever). */
  cacheMetadataSecs: number;
  /** GREN_RICH_UNCAUGHT_TRACEBACKS: print uncaught gren errors readably (default true). */
  richUncaughtTracebacks: boolean;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** Builds settings from environment variables; an invalid value fails naming the variable. */
export function settingsFromEnvironment(env: Environment, cwd: string): GrenSettings {
  const leaseSecs = positiveNumber(env, 'GREN_LEASE_SECS', 120);
  return {
    basePath: basePath(env.GREN_PATH, cwd),
    pollIntervalSecs: positiveNumber(env, 'GREN_POLL_INTERVAL_SECS', 10),
    waitLogEverySecs: positiveNumber(env, 'GREN_WAIT_LOG_EVERY_SECS', 10),
    staleAfterSecs: positiveNumber(env, 'GREN_STALE_AFTER_SECS', 1800),
    leaseSecs,
    heartbeatSecs: positiveNumber(env, 'GREN_HEARTBEAT_SECS', Math.max(1, leaseSecs / 3)),
    preemptMax: nonNegativeInteger(env, 'GREN_PREEMPT_MAX', 5),
    ignoreDiff: flag(env, 'GREN_IGNORE_DIFF', false),
    requireGit: flag(env, 'GREN_REQUIRE_GIT', false),
    requireGitRemote: flag(env, 'GREN_REQUIRE_GIT_REMOTE', false),
    forceRecompute: nameList(env.GREN_FORCE_RECOMPUTE),
    cancelledIsPreempted: flag(env, 'GREN_CANCELLED_IS_PREEMPTED', false),
    logLevel: logLevel(env),
    cacheMetadataSecs: cacheDuration(env),
    richUncaughtTracebacks: flag(env, 'GREN_RICH_UNCAUGHT_TRACEBACKS', true),
  };
}

function text(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function basePath(value: string | undefined, cwd: string): string {
  const raw = value?.trim() ? value.trim() : './data-gren';
  const expanded = raw === '~' || raw.startsWith('~/') ? path.join(os.homedir(), raw.slice(1)) : raw;
  return path.resolve(cwd, expanded);
}

function positiveNumber(env: Environment, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw GrenSettingsError.invalidVariable(name, value, 'a positive number of seconds');
  return number;
}

function nonNegativeInteger(env: Environment, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw GrenSettingsError.invalidVariable(name, value, 'a whole number ≥ 0');
  return number;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

function flag(env: Environment, name: string, fallback: boolean): boolean {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  throw GrenSettingsError.invalidVariable(name, value, 'one of 1/true/yes/on or 0/false/no/off');
}

function nameList(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}

const LEVELS = new Map<string, LogLevelName>([
  ['DEBUG', 'DEBUG'],
  ['INFO', 'INFO'],
  ['WARNING', 'WARNING'],
  ['WARN', 'WARNING'],
  ['ERROR', 'ERROR'],
  ['CRITICAL', 'CRITICAL'],
]);

function logLevel(env: Environment): LogLevelName {
  const value = text(env, 'GREN_LOG_LEVEL');
  if (value === undefined) return 'INFO';
  const level = LEVELS.get(value.toUpperCase());
  if (!level)
    throw GrenSettingsError.invalidVariable('GREN_LOG_LEVEL', value, 'DEBUG, INFO, WARNING, ERROR or CRITICAL');
  return level;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*([smh]?)$/;

function cacheDuration(env: Environment): number {
  const value = text(env, 'GREN_CACHE_METADATA')?.toLowerCase();
  if (value === undefined) return 300;
  if (['never', '0', 'false', 'no'].includes(value)) return 0;
  if (['forever', 'inf', 'true', 'yes', '1'].includes(value)) return Number.POSITIVE_INFINITY;
  const match = DURATION.exec(value);
  if (!match)
    throw GrenSettingsError.invalidVariable(
      'GREN_CACHE_METADATA',
      value,
      "'never', 'forever', or a duration like '5m', '1h', '30s'",
    );
  const unit = match[2] === 'h' ? 3600 : match[2] === 'm' ? 60 : 1;
  return Number(match[1]) * unit;
}
