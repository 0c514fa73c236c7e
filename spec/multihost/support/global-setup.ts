import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** The hosts' processes run the compiled library and child scripts: build both first (incremental). */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..', '..', '..');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['lib/tsconfig.build.json', 'spec/multihost/children/tsconfig.json']) {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, project)], { stdio: 'inherit' });
  }
}
