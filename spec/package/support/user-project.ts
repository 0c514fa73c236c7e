import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished, type ChildResult } from '../../support/child-process';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..');
/** Set by global-setup.ts: the temporary folder outside the repository that holds the tarballs and the project. */
export const PACKAGE_TIER_DIR_VARIABLE = 'GREN_PACKAGE_TIER_DIR';

/** The temporary folder of this tier: `tarballs/` and `project/` (the packages installed from the registry and the tarballs). */
export function tierDir(): string {
  const dir = process.env[PACKAGE_TIER_DIR_VARIABLE];
  if (!dir)
    throw new Error(
      `${PACKAGE_TIER_DIR_VARIABLE} is not set: run this suite through its jest project (npx jest --selectProjects package).`,
    );
  return dir;
}

export function projectDir(): string {
  return path.join(tierDir(), 'project');
}

/**
 * The environment of a command run in the user project: this process's, without what npm and
 * ts-node set for the workspace (an inherited local prefix or workspace would send npm back
 * into the repository).
 */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(npm_package_|npm_lifecycle_|npm_command$|npm_config_(local_prefix|call|workspaces?|include_workspace_root)$|INIT_CWD$|TS_NODE_|GREN_)/i.test(
        key,
      )
    )
      continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Runs `command args` in `cwd` (default: the user project) and collects its output. */
export function runIn(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ChildResult> {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd ?? projectDir(),
    env: userEnvironment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  return finished(spawn(command, [...args], spawnOptions));
}

/** The fenced block of `language` that follows `<!-- example: <file> -->` in the README. */
export function readmeExample(file: string): string {
  const readme = fs.readFileSync(path.join(WORKSPACE, 'README.md'), 'utf8');
  const marker = `<!-- example: ${file} -->\n`;
  const start = readme.indexOf(marker);
  if (start < 0) throw new Error(`README.md shows no ${file}`);
  const block = /^```\w*\n([\s\S]*?)^```/m.exec(readme.slice(start + marker.length));
  if (!block) throw new Error(`README.md has no code block after the ${file} marker`);
  return block[1]!;
}

/** A fresh folder for one test inside the user project (so the project's node_modules resolve). */
export function freshFolder(name: string): string {
  const folder = path.join(projectDir(), name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** A command's output, for failure messages. */
export function describeRun(result: ChildResult): string {
  return `exit ${String(result.code ?? result.signal)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The README's minimal project (examples/user-project) copied into a folder of the user project, as its own package. */
export function copyMinimalProject(name: string): string {
  const folder = freshFolder(name);
  const source = path.join(WORKSPACE, 'examples', 'user-project');
  for (const file of fs.readdirSync(source)) fs.copyFileSync(path.join(source, file), path.join(folder, file));
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, private: true }));
  return folder;
}
