import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE = path.resolve(__dirname, '../..');
const WORKSPACE = path.resolve(PACKAGE, '..');
export const CLI = path.join(PACKAGE, 'dist', 'cli', 'main.js');

/**
 * The compiled CLI, built first when missing or older than its sources (the root test script
 * builds everything beforehand; this keeps `jest --selectProjects dashboard-api` working alone).
 * Suites run in parallel workers: one builds while the others wait for it, so no suite starts
 * a CLI whose files are being rewritten.
 */
export function ensureBuiltCli(): string {
  if (!isStale()) return CLI;
  const lock = path.join(PACKAGE, '.build-cli.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run is older than any build takes.
      if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 2 minutes for ${lock}; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return CLI;
}

function isStale(): boolean {
  return (
    !fs.existsSync(path.join(WORKSPACE, 'lib', 'dist', 'index.js')) ||
    !fs.existsSync(CLI) ||
    newestSource(path.join(PACKAGE, 'src')) > fs.statSync(CLI).mtimeMs
  );
}

function build(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  if (!fs.existsSync(path.join(WORKSPACE, 'lib', 'dist', 'index.js'))) {
    execFileSync(process.execPath, [tsc, '-p', path.join(WORKSPACE, 'lib', 'tsconfig.build.json')], { stdio: 'pipe' });
  }
  if (!fs.existsSync(CLI) || newestSource(path.join(PACKAGE, 'src')) > fs.statSync(CLI).mtimeMs) {
    execFileSync(process.execPath, [tsc, '-p', path.join(PACKAGE, 'tsconfig.build.json')], { stdio: 'pipe' });
  }
}

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}
