import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_TIER_DIR_VARIABLE, userEnvironment, WORKSPACE } from './user-project';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACKAGES = ['lib', 'dashboard-api'];

/**
 * What a user does before the first line of their own code: `npm pack` both packages (their
 * prepack scripts build lib, the API and the web app), then install the tarballs with the
 * TypeScript tool chain from the registry into one new project in the OS's temporary folder,
 * outside the repository. Every suite of the tier uses that one install.
 */
export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-package-tier-'));
  const tarballs = path.join(dir, 'tarballs');
  const project = path.join(dir, 'project');
  fs.mkdirSync(tarballs);
  fs.mkdirSync(project);

  const packed = JSON.parse(
    npmIn(WORKSPACE, ['pack', ...PACKAGES.flatMap((name) => ['-w', name]), '--pack-destination', tarballs, '--json']),
  ) as PackResult[];
  for (const result of packed) {
    process.stdout.write(
      `package tier: ${result.filename} ${kilobytes(result.size)} packed, ${kilobytes(result.unpackedSize)} unpacked, ${result.entryCount} files\n`,
    );
  }

  fs.writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'gren-package-tier-project', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const tools = ['typescript', 'ts-node', '@types/node'].map((name) => `${name}@${workspaceVersion(name)}`);
  const files = packed.map((result) => path.join(tarballs, result.filename));
  npmIn(project, ['install', '--prefer-offline', '--no-audit', '--no-fund', ...files, ...tools]);

  process.env[PACKAGE_TIER_DIR_VARIABLE] = dir;
}

function npmIn(cwd: string, args: string[]): string {
  try {
    return execFileSync(npm, args, {
      cwd,
      env: userEnvironment(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    throw new Error(
      `npm ${args.join(' ')} (in ${cwd}) failed with exit ${String(failed.status)}:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`,
    );
  }
}

/** The version the workspace itself uses, so the user project gets the same tool chain (and npm's cache has it). */
function workspaceVersion(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = manifest.devDependencies[name];
  if (!version) throw new Error(`the workspace's package.json has no devDependency ${name}`);
  return version;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(0)} kB`;
}
