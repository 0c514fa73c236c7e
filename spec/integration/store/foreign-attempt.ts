import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultState, serializeState, type GrenState } from 'gren-ts';
import { finishStopped, finishSuccess, startAttempt } from '../../../lib/src/storage/transitions';

export interface ForeignAttempt {
  host: string;
  pid: number;
  /** When the other process started (and last renewed) its attempt. */
  startedAt: Date;
  leaseSec: number;
  /** Whether the attempt still runs (default) or ended (success, or crashed leaving the result incomplete). */
  status?: 'running' | 'success' | 'crashed';
  /** mtime to give `.gren/.compute.lock`; no lock when undefined. */
  lockMtime?: Date;
  /** The Python gren's lock file naming the attempt's pid and host (default), or a directory as our previous version left. */
  lockKind?: 'file' | 'directory';
}

export const FOREIGN_ATTEMPT_ID = 'f'.repeat(32);

/**
 * Writes, by hand, what another process working on the artifact in `dir` leaves behind:
 * its state.json and, optionally, its compute lock. Returns the state text.
 */
export function writeForeignAttempt(dir: string, spec: ForeignAttempt): string {
  const internal = path.join(dir, '.gren');
  fs.mkdirSync(internal, { recursive: true });
  const owner = {
    pid: spec.pid,
    host: spec.host,
    hostname: spec.host,
    user: 'someone',
    command: 'train.js',
    timestamp: null,
    python_version: null,
    executable: null,
    platform: null,
  };
  let state: GrenState = startAttempt(
    defaultState(),
    { id: FOREIGN_ATTEMPT_ID, status: 'running', backend: 'local', leaseSec: spec.leaseSec, owner },
    spec.startedAt,
  ).state;
  if (spec.status === 'success') state = finishSuccess(state, FOREIGN_ATTEMPT_ID, spec.startedAt)!.state;
  if (spec.status === 'crashed')
    state = finishStopped(state, FOREIGN_ATTEMPT_ID, 'crashed', null, 'lease_expired', spec.startedAt)!.state;
  const text = serializeState({ ...state, updated_at: state.attempt!.started_at });
  // Replaced as the other host would (temp file, rename): a reader in the holder never sees it half-written.
  const temp = path.join(internal, `.state.json.foreign-${process.pid}.tmp`);
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, path.join(internal, 'state.json'));
  if (spec.lockMtime) {
    const lock = path.join(internal, '.compute.lock');
    if (spec.lockKind === 'directory') fs.mkdirSync(lock);
    else fs.writeFileSync(lock, pythonLockLine(spec.pid, spec.host, spec.lockMtime));
    fs.utimesSync(lock, spec.lockMtime, spec.lockMtime);
  }
  return text;
}

/** A lock file's content as the Python gren writes it: one JSON line with its own separators. */
export function pythonLockLine(pid: number, host: string, createdAt: Date): string {
  const created = `${createdAt.toISOString().slice(0, 19)}+00:00`;
  return `{"pid": ${pid}, "host": ${JSON.stringify(host)}, "created_at": "${created}", "lock_id": "${'e'.repeat(32)}"}\n`;
}

/** A pid that certainly belonged to a process of this host that has exited. */
export function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

/** The artifact's gren.log, or '' when there is none. */
export function artifactLog(dir: string): string {
  const file = path.join(dir, '.gren', 'gren.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** Event types (with status/reason when present) of the artifact in `dir`. */
export function eventSummary(dir: string): string[] {
  const file = path.join(dir, '.gren', 'events.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string | undefined>)
    .map((event) => [event.type, event.status, event.reason].filter((part) => part !== undefined).join(':'));
}
