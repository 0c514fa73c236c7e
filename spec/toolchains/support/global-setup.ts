import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TOOLCHAIN_ROOT_ENV, TOOLCHAIN_TARBALL_ENV } from './user-project';

/**
 * Builds the library and packs it once, outside the repository, for every user project of
 * this tier. The tarball is found by the package name lib/package.json declares.
 */
export default function globalSetup(): void {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(repo, 'lib', 'tsconfig.build.json')], { stdio: 'inherit' });
  const root = mkdtempSync(path.join(os.tmpdir(), 'gren-toolchains-'));
  // Not `--json`: a prepack script may print to stdout too. The tarball is the one file in `root`;
  // npm's file listing (stderr) shows only if packing fails.
  execFileSync('npm', ['pack', '-w', 'lib', '--pack-destination', root], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const { name } = JSON.parse(readFileSync(path.join(repo, 'lib', 'package.json'), 'utf8')) as { name: string };
  const tarballs = readdirSync(root).filter((file) => file.endsWith('.tgz'));
  const tarball = tarballs.find((file) => file.startsWith(`${name.replace(/^@/, '').replace('/', '-')}-`));
  if (!tarball || tarballs.length !== 1)
    throw new Error(
      `npm pack -w lib left ${tarballs.join(', ') || 'nothing'} in ${root}, expected one ${name} tarball`,
    );
  process.env[TOOLCHAIN_ROOT_ENV] = root;
  process.env[TOOLCHAIN_TARBALL_ENV] = path.join(root, tarball);
}
