import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TOOLCHAIN_ROOT_ENV, TOOLCHAIN_TARBALL_ENV } from './user-project';

/**
 * Builds the library and packs it once, outside the repository, for every user project of
 * this tier. `npm pack --json` names the tarball, so nothing here guesses its file name.
 */
export default function globalSetup(): void {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(repo, 'lib', 'tsconfig.build.json')], { stdio: 'inherit' });
  const root = mkdtempSync(path.join(os.tmpdir(), 'gren-toolchains-'));
  const packed = execFileSync('npm', ['pack', '-w', 'lib', '--json', '--pack-destination', root], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [entry] = JSON.parse(packed) as { filename: string }[];
  if (!entry) throw new Error(`npm pack -w lib printed no tarball: ${packed}`);
  process.env[TOOLCHAIN_ROOT_ENV] = root;
  process.env[TOOLCHAIN_TARBALL_ENV] = path.join(root, entry.filename);
}
