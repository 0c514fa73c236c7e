import { rmSync } from 'node:fs';
import { TOOLCHAIN_ROOT_ENV } from './user-project';

export default function globalTeardown(): void {
  const root = process.env[TOOLCHAIN_ROOT_ENV];
  if (root) rmSync(root, { recursive: true, force: true });
}
