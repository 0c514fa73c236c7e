import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const TOOLCHAIN_ROOT_ENV = 'GREN_TOOLCHAIN_TEST_ROOT';
export const TOOLCHAIN_TARBALL_ENV = 'GREN_TOOLCHAIN_TEST_TARBALL';

const REPO = path.resolve(__dirname, '..', '..', '..');
const PROJECT_SOURCES = path.resolve(__dirname, '..', 'project');

/** The exact version the workspace root pins for a tool (its devDependencies). */
export function workspaceVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = manifest.devDependencies[name];
  if (!version) throw new Error(`the workspace root package.json pins no ${name}`);
  return version;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A new npm project in a temp folder outside the repository, with gren installed from its tarball. */
export class UserProject {
  private constructor(readonly dir: string) {}

  /**
   * `devDependencies` are installed as a user would (`npm install`); they are served from the
   * npm cache the workspace's own install filled where the versions match.
   */
  static create(name: string, devDependencies: Record<string, string>): UserProject {
    const root = process.env[TOOLCHAIN_ROOT_ENV];
    const tarball = process.env[TOOLCHAIN_TARBALL_ENV];
    if (!root || !tarball)
      throw new Error('run this suite through jest --selectProjects toolchains (its globalSetup packs gren)');
    const dir = mkdtempSync(path.join(root, `${name}-`));
    const manifest = { name, version: '1.0.0', private: true, devDependencies };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const project = new UserProject(dir);
    const install = project.run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
    if (install.status !== 0) throw new Error(`npm install in ${dir} failed:\n${install.stderr}`);
    return project;
  }

  /** Copies a file of spec/toolchains/project/ (same layout) to `to` inside the project. */
  copySource(file: string, to: string): void {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    copyFileSync(path.join(PROJECT_SOURCES, file), path.join(this.dir, to));
  }

  writeJson(file: string, value: unknown): void {
    writeFileSync(path.join(this.dir, file), `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Runs a command in the project with an environment free of the test runner's npm and ts-node settings. */
  run(command: string, args: readonly string[], env: Record<string, string> = {}): RunResult {
    const result = spawnSync(command, args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...cleanEnvironment(), GREN_PATH: path.join(this.dir, 'store'), ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs a binary the project installed (node_modules/.bin). */
  bin(name: string, args: readonly string[], env: Record<string, string> = {}): RunResult {
    return this.run(path.join(this.dir, 'node_modules', '.bin', name), args, env);
  }
}

function cleanEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|ts_node_|gren_)/i.test(key) || key === 'NODE_OPTIONS' || key === 'INIT_CWD')
      continue;
    env[key] = value;
  }
  return env;
}

/** The JSON line spec/toolchains/project/src/main.ts prints. */
export interface PipelineOutput {
  readonly hash: string;
  readonly result: number;
  readonly code: string;
}

export function pipelineOutput(run: RunResult): PipelineOutput {
  if (run.status !== 0) throw new Error(`the pipeline exited with ${run.status}:\n${run.stderr}${run.stdout}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as PipelineOutput;
}
