import * as fs from 'node:fs';
import { PACKAGE_TIER_DIR_VARIABLE } from './user-project';

/** Removes the tier's temporary tarballs and project. */
export default function globalTeardown(): void {
  const dir = process.env[PACKAGE_TIER_DIR_VARIABLE];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
