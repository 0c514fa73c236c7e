import { execFile } from 'node:child_process';
import type { SchedulerCommand } from './scheduler-commands';
import type { CommandResult } from './slurm-probe';

/**
 * Runs a SLURM command without a shell. The controller can take ~18 s to report that it is
 * unreachable, so the timeout is generous; a missing binary is a failed result, not a throw.
 */
export function runSchedulerCommand(command: SchedulerCommand, timeoutMs = 30_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command.file, [...command.args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ ok: true, stdout });
        return;
      }
      const exitCode = typeof error.code === 'number' ? error.code : null;
      resolve({ ok: false, exitCode, stderr: stderr.trim() || error.message });
    });
  });
}
