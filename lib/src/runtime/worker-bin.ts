import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenError } from '../errors/gren-error';

/** The compiled `gren-worker` script (lib/dist/bin/gren-worker.js), also when running from sources. */
export function workerBinPath(): string {
  const packageDir = path.resolve(__dirname, '..', '..');
  const file = path.join(packageDir, 'dist', 'bin', 'gren-worker.js');
  if (!fs.existsSync(file))
    throw new GrenError('WORKER_NOT_BUILT', `${file} is missing: build the gren package (npm run build -w lib).`);
  return file;
}
