import { runGit } from './run-git';

export interface GitInfo {
  commit: string;
  branch: string;
  remote: string | null;
  patch: string;
  submodules: Record<string, string>;
}

export interface GitInfoOptions {
  ignoreDiff: boolean;
  requireGit: boolean;
  requireGitRemote: boolean;
  /** Longest patch kept; longer ones are truncated with a marker (the reference failed instead). */
  maxPatchChars: number;
}

export const NO_GIT = '<no-git>';
export const IGNORED_DIFF = '<ignored-diff>';

/**
 * Git facts of the repository holding `cwd` (the directory of the code that defines the
 * class, not the process's working directory), read from that repository's root as
 * the Python gren reads them when run from the root: untracked files of the whole tree with
 * repository-relative paths, submodules by their repository-relative paths. Without git, or
 * outside a repository, the fields read `<no-git>` unless GREN_REQUIRE_GIT asks for a failure.
 */
export async function collectGitInfo(cwd: string, options: GitInfoOptions): Promise<GitInfo> {
  let root: string;
  let commit: string;
  let branch: string;
  try {
    root = (await runGit(['rev-parse', '--show-toplevel'], cwd)).stdout;
    if (!root) throw new Error(`not inside a git work tree: ${cwd}`);
    commit = (await runGit(['rev-parse', 'HEAD'], root)).stdout;
    branch = (await runGit(['rev-parse', '--abbrev-ref', 'HEAD'], root)).stdout;
    if (!commit || commit.includes(' ')) throw new Error(`not a git repository with commits: ${cwd}`);
  } catch (error) {
    if (options.requireGit)
      throw new Error(`${(error as Error).message}. Unset GREN_REQUIRE_GIT to record "${NO_GIT}" instead.`);
    return { commit: NO_GIT, branch: NO_GIT, remote: null, patch: NO_GIT, submodules: {} };
  }
  return {
    commit,
    branch,
    remote: await remoteUrl(root, options.requireGitRemote),
    patch: options.ignoreDiff ? IGNORED_DIFF : await patchText(root, options.maxPatchChars),
    submodules: await submodules(root),
  };
}

async function remoteUrl(cwd: string, required: boolean): Promise<string | null> {
  try {
    const output = await runGit(['remote', 'get-url', 'origin'], cwd);
    if (output.code === 0 && output.stdout) return output.stdout;
    throw new Error(`the repository at ${cwd} has no "origin" remote`);
  } catch (error) {
    if (required) throw new Error(`${(error as Error).message}. Add one, or unset GREN_REQUIRE_GIT_REMOTE.`);
    return null;
  }
}

function header(title: string, width: number): string {
  return `# === ${title} `.padEnd(width, '=');
}

async function patchText(cwd: string, maxChars: number): Promise<string> {
  const unstaged = (await runGit(['diff'], cwd)).stdout;
  const staged = (await runGit(['diff', '--cached'], cwd)).stdout;
  // -z: names as they are (without it git quotes unusual ones, which diff --no-index cannot open).
  const untrackedFiles = (await runGit(['ls-files', '--others', '--exclude-standard', '-z'], cwd)).stdout
    .split('\0')
    .filter(Boolean);
  const untracked: string[] = [];
  let size = unstaged.length + staged.length;
  for (const file of untrackedFiles) {
    if (size > maxChars) break;
    const diff = (await runGit(['diff', '--no-index', '/dev/null', file], cwd)).stdout;
    untracked.push(diff);
    size += diff.length;
  }
  const patch = [
    header('unstaged', 65),
    unstaged,
    header('staged', 65),
    staged,
    header('untracked', 64),
    untracked.join('\n'),
  ]
    .filter((piece) => piece.length > 0)
    .join('\n');
  if (patch.length <= maxChars) return patch;
  const dropped = patch.length - maxChars;
  return `${patch.slice(0, maxChars)}\n# === truncated: ${dropped.toLocaleString('en-US')} more characters (set GREN_IGNORE_DIFF=1 to skip the diff) ===`;
}

async function submodules(cwd: string): Promise<Record<string, string>> {
  try {
    const output = await runGit(['submodule', 'status'], cwd);
    const result: Record<string, string> = {};
    for (const line of output.stdout.split('\n')) {
      const parts = line.trim().split(/\s+/);
      if (parts.length >= 2 && parts[0] && parts[1]) result[parts[1]] = parts[0];
    }
    return result;
  } catch {
    return {};
  }
}
