import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlurmError } from '../../../../lib/src/executors/slurm/slurm-error';
import type { CommandResult } from '../../../../lib/src/executors/slurm/slurm-probe';

/** Outputs captured from the real SLURM 22.05.8 cluster (see spec/fixtures/slurm/FINDINGS.md). */
export const SLURM_FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'slurm');

export function slurmFixture(name: string): string {
  return readFileSync(join(SLURM_FIXTURES, name), 'utf8');
}

/**
 * A captured command output as the probe receives it. The captures hold stdout and stderr
 * together; squeue and scontrol exited 1 exactly when they printed `slurm_load_jobs error`.
 */
export function slurmResult(name: string): CommandResult {
  const text = slurmFixture(name);
  return text.startsWith('slurm_load_jobs error')
    ? { ok: false, exitCode: 1, stderr: text }
    : { ok: true, stdout: text };
}

/** The three probe inputs of a captured scenario (`<scenario>.squeue-all.txt` etc.). */
export function scenario(name: string): { squeue: CommandResult; scontrol: CommandResult; sacct: CommandResult } {
  return {
    // The first captures predate `-t all`; for pending/running jobs both forms print the same.
    squeue: slurmResult(
      existsSync(join(SLURM_FIXTURES, `${name}.squeue-all.txt`)) ? `${name}.squeue-all.txt` : `${name}.squeue.txt`,
    ),
    scontrol: slurmResult(`${name}.scontrol.txt`),
    sacct: slurmResult(`${name}.sacct-duplicates.txt`),
  };
}

/** Asserts that `run` throws a SlurmError (the class) whose message matches every pattern. */
export function expectSlurmError(run: () => unknown, ...patterns: Array<RegExp | string>): SlurmError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SlurmError);
  const error = thrown as SlurmError;
  for (const pattern of patterns) expect(error.message).toMatch(pattern);
  return error;
}
