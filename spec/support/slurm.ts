import { spawnSync } from 'node:child_process';

/** Run from the repository root, as root (it installs and starts Debian's SLURM packages). */
export const START_CLUSTER = 'bash scripts/start-local-slurm.sh';

/**
 * Whether the SLURM suites can run here. Locally they skip with the command that starts the
 * cluster; with CI=true a missing cluster is a failure.
 */
export function slurmAvailable(): boolean {
  const available = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8' });
  const ok = available.status === 0 && /idle|mixed|allocated/.test(available.stdout);
  if (!ok && process.env.CI === 'true') {
    throw new Error(`SLURM is not running, but CI=true requires the SLURM suite. Start it with: ${START_CLUSTER}`);
  }
  if (!ok) process.stderr.write(`SLURM suite skipped: no running cluster. Start one with: ${START_CLUSTER}\n`);
  return ok;
}
