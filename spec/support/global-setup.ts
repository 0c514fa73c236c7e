import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Integration tests run real child processes against the compiled library, as users do:
 * build lib and the child fixtures first (incremental, so a no-op when nothing changed).
 */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..', '..');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['lib/tsconfig.build.json', 'spec/integration/children/tsconfig.json']) {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, project)], { stdio: 'inherit' });
  }
}
