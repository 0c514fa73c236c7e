import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PYTHON_STORE = path.resolve(__dirname, '../../../spec/fixtures/python/python-store');

/** A fresh temporary folder, removed by `removeStore`. */
export function makeTempDir(prefix = 'gren-dashboard-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A writable copy of the Python-written fixture store (the original is read-only: never touch it). */
export function copyPythonStore(): string {
  const target = makeTempDir('gren-dashboard-python-');
  fs.cpSync(PYTHON_STORE, target, { recursive: true });
  makeWritable(target);
  return target;
}

export function removeStore(directory: string): void {
  makeWritable(directory);
  fs.rmSync(directory, { recursive: true, force: true });
}

function makeWritable(directory: string): void {
  if (!fs.existsSync(directory)) return;
  fs.chmodSync(directory, 0o755);
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o644);
  }
}
