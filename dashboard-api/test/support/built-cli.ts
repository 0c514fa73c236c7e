import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE = path.resolve(__dirname, '../..');
const WORKSPACE = path.resolve(PACKAGE, '..');
export const CLI = path.join(PACKAGE, 'dist', 'cli', 'main.js');

/**
 * The compiled CLI, built first when missing or older than its sources (the root test script
 * builds everything beforehand; this keeps `jest --selectProjects dashboard-api` working alone).
 */
export function ensureBuiltCli(): string {
  const tsc = require.resolve('typescript/bin/tsc');
  if (!fs.existsSync(path.join(WORKSPACE, 'lib', 'dist', 'index.js'))) {
    execFileSync(process.execPath, [tsc, '-p', path.join(WORKSPACE, 'lib', 'tsconfig.build.json')], { stdio: 'pipe' });
  }
  if (!fs.existsSync(CLI) || newestSource(path.join(PACKAGE, 'src')) > fs.statSync(CLI).mtimeMs) {
    execFileSync(process.execPath, [tsc, '-p', path.join(PACKAGE, 'tsconfig.build.json')], { stdio: 'pipe' });
  }
  return CLI;
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
