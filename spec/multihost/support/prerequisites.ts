import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y openssh-server openssh-client sshfs';

const PROGRAMS = ['/usr/sbin/sshd', 'ssh-keygen', 'sshfs', 'unshare', 'nsenter'] as const;

function hasProgram(program: string): boolean {
  if (program.startsWith('/')) return fs.existsSync(program);
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/** What the simulated hosts need and this machine lacks (empty when everything is there). */
export function missingPrerequisites(): string[] {
  const missing = PROGRAMS.filter((program) => !hasProgram(program)).map((program) => `program ${program}`);
  if (!fs.existsSync('/dev/fuse')) missing.push('/dev/fuse (FUSE)');
  if (process.getuid?.() !== 0) missing.push('root (namespaces and FUSE mounts)');
  if (missing.length === 0) {
    const probe = spawnSync('unshare', ['--mount', '--uts', '--pid', '--fork', 'true'], { encoding: 'utf8' });
    if (probe.status !== 0) missing.push(`mount, UTS and PID namespaces (unshare: ${probe.stderr.trim()})`);
  }
  return missing;
}
