/**
 * Create benchmark: what creating a trivial artifact costs, console at WARNING,
 * with the process working in a git repository (as a user's would):
 * - `local`: one process creating fresh artifacts one after another on a local disk; the
 *   median per create, and how much of it fsync took; beside it the floor: the same files
 *   made by plain Node with the fewest system calls gren's protocol allows, create by create
 *   in the same process (bench/support/create-floor.ts), and gren's median over it;
 * - `python`: the Python gren 0.2.0 creating the same trivial artifact in the same repository,
 *   interleaved with ours round by round, and ours over it (medians); only when
 *   GREN_BENCH_PYTHON and GREN_BENCH_PYTHONPATH point at it (bench/support/python-create-loop.ts),
 *   "not configured" otherwise. It fsyncs nothing, where ours fsyncs 4 times per create;
 * - `sshfs`: the same through an sshfs mount (a simulated host of the multi-host suite,
 *   sshfs over a loopback sshd with default caching); needs root, sshfs and openssh-server;
 * - `parallel`: 4 processes creating distinct artifacts in one local store, creates per second.
 * Each figure comes from child processes (bench/support/create-loop.ts) against the compiled
 * library. fsync time depends on what else writes to the disk: read it beside its count.
 * `disk` says what the local store sits on (bench/support/disk-facts.ts): on ext4 without a
 * journal, new files get slower the more files were deleted in the last minute, within the
 * run too.
 * Run alone with `GREN_BENCH_ONLY=create npm run bench`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished } from '../spec/support/child-process';
import { missingPrerequisites } from '../spec/multihost/support/prerequisites';
import { SimulatedCluster } from '../spec/multihost/support/simulated-cluster';
import { diskFacts } from './support/disk-facts';
import { printWhenMain } from './support/print-when-main';
import { configuredPythonGren, startPythonLoop, type PythonGren } from './support/python-create-loop';

const LOOP = path.join(__dirname, 'support', 'create-loop.ts');
const TS_NODE = require.resolve('ts-node/register/transpile-only');
const TS_NODE_PROJECT = path.join(__dirname, 'tsconfig.json');
const LOCAL_CREATES = 400;
/** Ours and the Python gren take turns, so both see the same load. */
const LOCAL_ROUNDS = 4;
const SSHFS_CREATES = 100;
const PARALLEL_PROCESSES = 4;
const PARALLEL_CREATES = 150;
const TARGET_LOCAL_MS = 2;

interface LoopOutput {
  createsMs: number[];
  totalMs: number;
  fsyncMs: number;
  fsyncCalls: number;
  /** The floor's time for each create, when it was measured. */
  floorMs?: number[];
}

interface PythonFigure {
  creates: number;
  medianMs: number;
  meanMs: number;
  p90Ms: number;
  /** Our median over the Python gren's, from the same rounds. */
  oursOverPython: number;
  /** Each round's medians (ms), ours then the Python gren's: the disk's load varies between rounds. */
  roundMediansMs: Array<[number, number]>;
}

interface CreateFigure {
  creates: number;
  medianMs: number;
  meanMs: number;
  p90Ms: number;
  fsyncMsPerCreate: number;
  fsyncsPerCreate: number;
  floorMedianMs?: number;
  medianOverFloor?: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function figureOf(output: LoopOutput): CreateFigure {
  const creates = output.createsMs.length;
  const round = (ms: number): number => Number(ms.toFixed(3));
  return {
    creates,
    medianMs: round(quantile(output.createsMs, 0.5)),
    meanMs: round(output.totalMs / creates),
    p90Ms: round(quantile(output.createsMs, 0.9)),
    fsyncMsPerCreate: round(output.fsyncMs / creates),
    fsyncsPerCreate: round(output.fsyncCalls / creates),
    ...floorOf(output, round),
  };
}

function pythonFigureOf(pythonRounds: LoopOutput[], ourRounds: LoopOutput[]): PythonFigure {
  const [python, ours] = [joined(pythonRounds), joined(ourRounds)];
  const creates = python.createsMs.length;
  const medianOf = (output: LoopOutput): number => Number(quantile(output.createsMs, 0.5).toFixed(3));
  const medianMs = quantile(python.createsMs, 0.5);
  return {
    creates,
    medianMs: Number(medianMs.toFixed(3)),
    meanMs: Number((python.totalMs / creates).toFixed(3)),
    p90Ms: Number(quantile(python.createsMs, 0.9).toFixed(3)),
    oursOverPython: Number((quantile(ours.createsMs, 0.5) / medianMs).toFixed(2)),
    roundMediansMs: ourRounds.map((round, index) => [medianOf(round), medianOf(pythonRounds[index] as LoopOutput)]),
  };
}

/** One loop's output made of several rounds'. */
function joined(outputs: LoopOutput[]): LoopOutput {
  return {
    createsMs: outputs.flatMap((output) => output.createsMs),
    totalMs: outputs.reduce((sum, output) => sum + output.totalMs, 0),
    fsyncMs: outputs.reduce((sum, output) => sum + output.fsyncMs, 0),
    fsyncCalls: outputs.reduce((sum, output) => sum + output.fsyncCalls, 0),
    floorMs: outputs.flatMap((output) => output.floorMs ?? []),
  };
}

function floorOf(output: LoopOutput, round: (ms: number) => number): Partial<CreateFigure> {
  if (output.floorMs === undefined) return {};
  const floorMedianMs = quantile(output.floorMs, 0.5);
  return {
    floorMedianMs: round(floorMedianMs),
    medianOverFloor: Number((quantile(output.createsMs, 0.5) / floorMedianMs).toFixed(2)),
  };
}

/**
 * Medians over the first and the last quarter of each round, ours and the floor's: on a
 * filesystem whose new files slow down with recent deletions (see `disk`), both rise within
 * a round; gren's own cost does not.
 */
function driftOf(rounds: LoopOutput[]): Record<string, number> {
  const quarter = (values: number[], last: boolean): number[] => {
    const size = Math.max(1, Math.floor(values.length / 4));
    return last ? values.slice(-size) : values.slice(0, size);
  };
  const median = (pick: (output: LoopOutput) => number[]): number =>
    Number(quantile(rounds.flatMap(pick), 0.5).toFixed(3));
  return {
    firstQuarterMedianMs: median((output) => quarter(output.createsMs, false)),
    lastQuarterMedianMs: median((output) => quarter(output.createsMs, true)),
    floorFirstQuarterMedianMs: median((output) => quarter(output.floorMs ?? [], false)),
    floorLastQuarterMedianMs: median((output) => quarter(output.floorMs ?? [], true)),
  };
}

async function outputOf(child: ChildProcess, what: string): Promise<LoopOutput> {
  const result = await finished(child);
  if (result.code !== 0)
    throw new Error(`${what}: create loop exited ${result.code ?? result.signal}: ${result.stderr}`);
  return JSON.parse(result.stdout) as LoopOutput;
}

/** A git repository to work in, and the environment of the create loop. */
function workspace(root: string): string {
  const repo = path.join(root, 'repo');
  fs.mkdirSync(repo);
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  fs.writeFileSync(path.join(repo, 'train.ts'), '// a user project\n');
  git('add', 'train.ts');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'init');
  // The Python gren refuses to run without an origin remote (it is never contacted).
  git('remote', 'add', 'origin', 'https://example.invalid/bench.git');
  return repo;
}

function loopArgs(count: number, label: string, withFloor: boolean): string[] {
  return ['-r', TS_NODE, LOOP, String(count), label, ...(withFloor ? ['with-floor'] : [])];
}

function loopEnv(store: string): Record<string, string> {
  return { GREN_PATH: store, TS_NODE_PROJECT, GREN_LOG_LEVEL: 'WARNING' };
}

function startLocal(repo: string, store: string, count: number, label: string, withFloor = false): ChildProcess {
  return spawn(process.execPath, loopArgs(count, label, withFloor), {
    cwd: repo,
    env: { ...process.env, ...loopEnv(store) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Ours (with the floor) and, when configured, the Python gren, taking turns round by round. */
async function local(
  repo: string,
  root: string,
  python: PythonGren | undefined,
): Promise<{ local: CreateFigure & Record<string, number>; python: PythonFigure | string }> {
  const perRound = LOCAL_CREATES / LOCAL_ROUNDS;
  const ours: LoopOutput[] = [];
  const theirs: LoopOutput[] = [];
  for (let round = 0; round < LOCAL_ROUNDS; round += 1) {
    const label = `local${round}`;
    ours.push(await outputOf(startLocal(repo, path.join(root, 'local-store'), perRound, label, true), 'local'));
    if (python === undefined) continue;
    const child = startPythonLoop(python, repo, path.join(root, 'python-store'), perRound, label);
    theirs.push(await outputOf(child, 'Python gren'));
  }
  return {
    local: { ...figureOf(joined(ours)), ...driftOf(ours) },
    python: python === undefined ? 'not configured' : pythonFigureOf(theirs, ours),
  };
}

async function parallel(repo: string, root: string): Promise<Record<string, number>> {
  const store = path.join(root, 'parallel-store');
  const outputs = await Promise.all(
    Array.from({ length: PARALLEL_PROCESSES }, (_, index) =>
      outputOf(startLocal(repo, store, PARALLEL_CREATES, `p${index}`), 'parallel'),
    ),
  );
  const slowestMs = Math.max(...outputs.map((output) => output.totalMs));
  return {
    processes: PARALLEL_PROCESSES,
    creates: PARALLEL_PROCESSES * PARALLEL_CREATES,
    createsPerSec: Number(((PARALLEL_PROCESSES * PARALLEL_CREATES * 1000) / slowestMs).toFixed(1)),
  };
}

async function overSshfs(repo: string): Promise<CreateFigure | { skipped: string }> {
  const missing = missingPrerequisites();
  if (missing.length > 0) return { skipped: `needs ${missing.join(', ')}` };
  const cluster = await SimulatedCluster.start(['bench']);
  try {
    const child = cluster
      .host('bench')
      .run('-r', [TS_NODE, LOOP, String(SSHFS_CREATES), 'sshfs', 'with-floor'], loopEnv(cluster.storePath), repo);
    return figureOf(await outputOf(child, 'sshfs'));
  } finally {
    await cluster.stop();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-bench-create-'));
  try {
    const repo = workspace(root);
    const disk = diskFacts(root);
    const figures = await local(repo, root, configuredPythonGren());
    return {
      target: { localMedianMs: TARGET_LOCAL_MS },
      disk,
      ...figures,
      sshfs: await overSshfs(repo),
      parallel: await parallel(repo, root),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

printWhenMain(module, run);
