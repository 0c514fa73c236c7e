import * as fs from 'node:fs';
import * as path from 'node:path';
import { runChild } from '../../support/child-process';

/** One identity of spec.migration.Train: its own folder and hash. */
export interface TrainIdentity {
  readonly hash: string;
  readonly dir: string;
  readonly ref: string;
}

/** The three versions of Train in a store: v3 links to v2, which links to v1 (holding the data). */
export interface LinkedChain {
  readonly v1: TrainIdentity;
  readonly v2: TrainIdentity;
  readonly v3: TrainIdentity;
  /** What v3's loadOrCreate returns (v1's computed value). */
  readonly value: string;
}

/** Loads (or creates) the default Train of one version in a child process; returns its identity and value. */
export async function loadTrain(
  store: string,
  version: 'v1' | 'v2' | 'v3',
): Promise<TrainIdentity & { value: string }> {
  const result = await runChild('migration-client.js', [version, 'Train'], {
    GREN_PATH: store,
    SPEC_CALLS_FILE: callsFile(store),
  });
  if (result.code !== 0) throw new Error(`migration-client ${version} failed (${result.code}): ${result.stderr}`);
  const loaded = JSON.parse(result.stdout.trim()) as { value: string; hash: string };
  const dir = path.join(store, 'data', 'spec', 'migration', 'Train', loaded.hash);
  return { hash: loaded.hash, dir, ref: `spec.migration.Train/${loaded.hash}`, value: loaded.value };
}

/** Computes v1 Train, then has v2 and v3 reuse it through declared migrations, each in its own process. */
export async function makeLinkedChain(store: string): Promise<LinkedChain> {
  const v1 = await loadTrain(store, 'v1');
  const v2 = await loadTrain(store, 'v2');
  const v3 = await loadTrain(store, 'v3');
  return { v1, v2, v3, value: v3.value };
}

/** What the Train versions computed (`_create` calls) in this store, one line each. */
export function computed(store: string): string[] {
  const file = callsFile(store);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
}

function callsFile(store: string): string {
  return path.join(store, 'calls.txt');
}
