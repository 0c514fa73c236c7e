import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseState, runCli, serializeState, type CliIo } from 'gren-ts';
import { PYTHON_STORE } from '../../support/fixtures';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const GREN_BIN = path.join(ROOT, 'lib', 'dist', 'bin', 'gren.js');

export interface GrenRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Questions asked on a (simulated) terminal. */
  asked: string[];
}

/** Runs the command line in this process, with buffered output (not a terminal unless `interactive`). */
export async function runGren(
  args: string[],
  options: { interactive?: boolean; answer?: boolean } = {},
): Promise<GrenRun> {
  const run: GrenRun = { code: -1, stdout: '', stderr: '', asked: [] };
  const io: CliIo = {
    stdout: { write: (text: string) => (run.stdout += text) },
    stderr: { write: (text: string) => (run.stderr += text) },
    progressStream: undefined,
    interactive: options.interactive ?? false,
    confirm: (question) => {
      run.asked.push(question);
      return Promise.resolve(options.answer ?? false);
    },
  };
  run.code = await runCli(args, io);
  return run;
}

/** `--json` output of an in-process run that must succeed. */
export async function grenJson<T = Record<string, unknown>>(args: string[]): Promise<T> {
  const run = await runGren([...args, '--json']);
  if (run.code !== 0) throw new Error(`gren ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Runs the compiled `gren` bin as a real process. */
export function spawnGren(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Omit<GrenRun, 'asked'>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GREN_BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, GREN_LOG_LEVEL: 'ERROR', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A writable copy of spec/fixtures/python/python-store in a fresh temp dir. */
export function copyPythonStore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-cli-pystore-'));
  fs.cpSync(PYTHON_STORE, dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const makeWritable = (target: string): void => {
    for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
      const full = path.join(target, entry.name);
      fs.chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
      if (entry.isDirectory()) makeWritable(full);
    }
  };
  makeWritable(dir);
  return dir;
}

/** A digest of every path, type, size and content under `root` (to prove a run changed nothing). */
export function treeDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = fs.lstatSync(full);
      hash.update(`${path.relative(root, full)}\0${stat.isDirectory() ? 'd' : 'f'}\0${stat.size}\0${stat.mtimeMs}\0`);
      if (stat.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** Rewrites an artifact's state.json as if it was last updated `daysAgo` days ago. */
export function backdate(artifactDir: string, daysAgo: number): void {
  const file = path.join(artifactDir, '.gren', 'state.json');
  const state = parseState(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  const when = new Date(Date.now() - daysAgo * 86_400_000);
  fs.writeFileSync(file, serializeState({ ...state, updated_at: `${when.toISOString().slice(0, 19)}+00:00` }));
}
