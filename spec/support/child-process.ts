import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const CHILDREN_DIR = path.resolve(__dirname, '..', 'integration', 'children', 'dist');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts a compiled child fixture with node (real process, real filesystem). */
export function startChild(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(CHILDREN_DIR, script), ...args], {
    env: { ...process.env, GREN_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a child's output and exit. */
export function finished(child: ChildProcess): Promise<ChildResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export async function runChild(script: string, args: string[], env: Record<string, string>): Promise<ChildResult> {
  return finished(startChild(script, args, env));
}

/** Resolves once `predicate` holds, polling every 20 ms (fails after `timeoutMs`). */
export async function eventually(predicate: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
