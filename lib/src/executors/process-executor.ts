import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPidAlive } from '../runtime/pid-alive';
import { workerBinPath } from '../runtime/worker-bin';
import type { SchedulerProbe } from '../storage/reconcile';
import type { ActiveAttempt } from '../storage/state-types';
import type { Executor, SubmitRequest, SubmittedJob } from './executor';

/**
 * Runs each computation in a fresh Node process on this machine (the `gren-worker`
 * command), detached, so it finishes even if the submitting process exits. Its output goes
 * to `.gren/worker/<attempt id>.log`; the job id is the worker's pid.
 */
export class ProcessExecutor implements Executor {
  readonly backend = 'process';
  private readonly hostname = os.hostname();

  constructor(private readonly options: { nodeArgs?: string[]; env?: Record<string, string> } = {}) {}

  submit(request: SubmitRequest): Promise<SubmittedJob> {
    const workerDir = path.join(request.directory, '.gren', 'worker');
    fs.mkdirSync(workerDir, { recursive: true });
    const payloadFile = path.join(workerDir, `${request.payload.attemptId}.json`);
    const logFile = path.join(workerDir, `${request.payload.attemptId}.log`);
    const out = fs.openSync(logFile, 'a');
    try {
      const child = spawn(
        process.execPath,
        [...(this.options.nodeArgs ?? []), workerBinPath(), payloadFile, '--backend', this.backend],
        {
          cwd: process.cwd(),
          env: { ...process.env, ...this.options.env, GREN_PATH: request.payload.basePath },
          detached: true,
          stdio: ['ignore', out, out],
        },
      );
      return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('spawn', () => {
          child.unref();
          resolve({ jobId: String(child.pid), scheduler: { host: this.hostname, log: logFile } });
        });
      });
    } finally {
      fs.closeSync(out);
    }
  }

  /** A live worker pid keeps the attempt active; a queued attempt whose worker is gone crashed. */
  probe(attempt: ActiveAttempt): Promise<SchedulerProbe | undefined> {
    const pid = Number(attempt.scheduler.job_id);
    if (attempt.scheduler.host !== this.hostname || !Number.isInteger(pid)) return Promise.resolve(undefined);
    if (isPidAlive(pid)) return Promise.resolve({ active: true });
    if (attempt.status === 'queued')
      return Promise.resolve({ active: false, terminalStatus: 'crashed', reason: 'worker_exited' });
    return Promise.resolve(undefined);
  }

  cancel(jobId: string): Promise<void> {
    const pid = Number(jobId);
    if (Number.isInteger(pid) && isPidAlive(pid)) process.kill(pid, 'SIGTERM');
    return Promise.resolve();
  }
}
