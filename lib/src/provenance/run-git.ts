import { execFile } from 'node:child_process';

export interface GitOutput {
  code: number;
  stdout: string;
}

/**
 * Runs `git <args>` in `cwd` (10 s timeout). Exit codes 0 and 1 count as answers (diff
 * --no-index exits 1 when files differ); anything else, or a missing git binary, rejects.
 */
export function runGit(args: readonly string[], cwd: string): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, timeout: 10_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (code === 0 || code === 1) {
          resolve({ code, stdout: stdout.trim() });
          return;
        }
        const reason = error && typeof error.code === 'string' ? error.code : stderr.trim() || `exit code ${code}`;
        reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${reason}`));
      },
    );
  });
}
