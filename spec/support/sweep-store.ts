import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEvents } from '../../lib/src/storage/read-events';
import { readState } from '../../lib/src/storage/read-state';
import type { GrenState } from '../../lib/src/storage/state-types';

/** The children's compiled sweep module, as `gren run` loads it. */
export const SWEEP_MODULE = path.resolve(__dirname, '..', 'integration', 'children', 'dist', 'sweep-pipelines.js');
/** The compiled `gren` command. */
export const GREN_BIN = path.resolve(__dirname, '..', '..', 'lib', 'dist', 'bin', 'gren.js');

/** One line of a sweep client's or `gren run --json`'s entries. */
export interface SweepRow {
  className?: string;
  class_name?: string;
  hash: string;
  level: number;
  status: string;
  message: string | null;
  jobId?: string | null;
  job_id?: string | null;
}

/** The lines of SPEC_CALLS_FILE, without the pid. */
export function callsIn(file: string): string[] {
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/^\d+ /, ''))
    : [];
}

/** state.json of every artifact of the sweep classes, by "<Class>/<hash>". */
export function sweepStates(store: string): Map<string, GrenState> {
  const states = new Map<string, GrenState>();
  const base = path.join(store, 'data', 'spec', 'sweep');
  if (!fs.existsSync(base)) return states;
  for (const className of fs.readdirSync(base)) {
    for (const hash of fs.readdirSync(path.join(base, className))) {
      const file = path.join(base, className, hash, '.gren', 'state.json');
      if (fs.existsSync(file)) states.set(`${className}/${hash}`, readState(file));
    }
  }
  return states;
}

/** How many attempts ended in success per artifact, from events.jsonl (exactly-once check). */
export function successesByArtifact(store: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of sweepStates(store).keys()) {
    const events = readEvents(path.join(store, 'data', 'spec', 'sweep', key, '.gren', 'events.jsonl'));
    counts.set(key, events.filter((event) => event.type === 'attempt_finished' && event.status === 'success').length);
  }
  return counts;
}

/** Every lock file left anywhere in the store. */
export function lockFiles(store: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (/\.(compute|submit|state)\.lock$/.test(entry.name)) found.push(full);
      else if (entry.isDirectory()) walk(full);
    }
  };
  if (fs.existsSync(store)) walk(store);
  return found;
}
