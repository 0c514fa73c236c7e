import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE } from './dashboard-server';

/** spec/fixtures/python/python-store: written by the Python gren 0.2.0; read-only, never written to. */
export const PYTHON_STORE = path.resolve(WORKSPACE, 'spec', 'fixtures', 'python', 'python-store');

/** A private, writable copy of the Python store in a temp folder. */
export function copyPythonStore(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-browser-python-'));
  fs.cpSync(PYTHON_STORE, target, { recursive: true });
  makeWritable(target);
  return target;
}

export function removeStore(directory: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
}

function makeWritable(directory: string): void {
  fs.chmodSync(directory, 0o755);
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o644);
  }
}
