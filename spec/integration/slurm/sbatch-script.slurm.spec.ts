import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSbatchOutput } from '../../../lib/src/executors/slurm/parse-sbatch-output';
import { renderSbatchScript, sbatchLogPaths } from '../../../lib/src/executors/slurm/sbatch-script';
import {
  formatCommand,
  sacctCommand,
  sbatchCommand,
  scancelCommand,
  scontrolShowJobCommand,
  squeueCommand,
  type SchedulerCommand,
} from '../../../lib/src/executors/slurm/scheduler-commands';
import { resolveSlurmOptions } from '../../../lib/src/executors/slurm/slurm-options';
import { probeSlurmJob, type CommandResult, type SlurmProbeResult } from '../../../lib/src/executors/slurm/slurm-probe';
import { START_CLUSTER } from '../../support/slurm';

/**
 * Submits rendered batch scripts to the real SLURM cluster: the worker gets the pre-timeout
 * SIGUSR2 through the batch shell, and a worker that requeues its own job runs again with
 * SLURM_RESTART_COUNT=1 while the probe keeps calling the job active. The two jobs run side by
 * side (about a minute in all). Needs the local cluster:
 * `bash scripts/start-local-slurm.sh` (as root); without sbatch the suite skips, or fails when
 * CI=true.
 */
const hasSbatch = spawnSync('sbatch', ['--version'], { stdio: 'ignore' }).status === 0;
const inCi = process.env['CI'] === 'true';

/**
 * Records its start, then the SIGUSR2 and a SIGTERM. In mode "exit" it exits 0 on SIGUSR2; in
 * mode "requeue" the first run asks SLURM to requeue the job (and then gets SIGTERM), and the
 * run after the requeue exits 0 after 3 s.
 */
const WORKER = `
const fs = require('fs');
const { execFileSync } = require('child_process');
const [dir, mode] = process.argv.slice(1);
const restart = process.env.SLURM_RESTART_COUNT ?? '0';
const record = (name, extra) => fs.writeFileSync(dir + '/' + name + '-' + restart + '.json', JSON.stringify({
  at: Date.now(), jobId: process.env.SLURM_JOB_ID, restartCount: process.env.SLURM_RESTART_COUNT ?? null, ...extra }));
process.on('SIGUSR2', () => {
  record('usr2', { cwd: process.cwd(), note: process.env.GREN_NOTE });
  console.log('worker: got SIGUSR2');
  if (mode === 'exit') process.exit(0);
  execFileSync('scontrol', ['requeue', process.env.SLURM_JOB_ID]);
  console.log('worker: requeue requested');
});
process.on('SIGTERM', () => { record('term'); console.log('worker: got SIGTERM'); process.exit(143); });
record('started');
console.log('worker: started ' + restart);
if (mode === 'requeue' && restart !== '0') setTimeout(() => process.exit(0), 3000);
setTimeout(() => process.exit(1), 200000);
`;

function run(command: SchedulerCommand): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command.file, [...command.args], { timeout: 30000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error)
        resolve({
          ok: false,
          exitCode: typeof error.code === 'number' ? error.code : null,
          stderr: `${stderr}${error.message}`,
        });
      else resolve({ ok: true, stdout });
    });
  });
}

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

if (!hasSbatch && inCi) {
  describe('sbatch script on SLURM', () => {
    it('should find sbatch on PATH in CI', () => {
      throw new Error(
        `sbatch is not on PATH, but CI=true requires the SLURM suite to run. Start the cluster with: ${START_CLUSTER}`,
      );
    });
  });
} else if (!hasSbatch) {
  console.warn(`SLURM suite skipped: sbatch is not on PATH. Start the local cluster with: ${START_CLUSTER}`);
  describe.skip(`sbatch script on SLURM (skipped: sbatch not on PATH; run ${START_CLUSTER})`, () => {
    it('should deliver the pre-timeout SIGUSR2 to the worker', () => undefined);
  });
} else {
  interface Submitted {
    readonly jobId: string;
    readonly logDir: string;
    readonly workingDir: string;
  }
  interface Watched extends Submitted {
    readonly probe: SlurmProbeResult;
    readonly seen: string[];
  }

  describe('sbatch script on SLURM', () => {
    let root: string;
    const jobs = new Map<string, string>();

    /** Renders and submits a job running WORKER in `mode`; both jobs run side by side. */
    async function submit(mode: 'exit' | 'requeue'): Promise<Submitted> {
      const workingDir = join(root, mode, `work dir 'x' $HOME`);
      const logDir = join(root, mode, 'artifact', '.gren', 'slurm');
      mkdirSync(workingDir, { recursive: true });
      mkdirSync(logDir, { recursive: true });
      const script = join(root, mode, 'artifact', '.gren', 'job.sh');
      writeFileSync(
        script,
        renderSbatchScript({
          // SLURM checks time limits every ~30 s, so with 55 s of 60 the signal comes 5-35 s in.
          options: resolveSlurmOptions({ timeMin: 1, signalDelaySec: 55, jobName: `gren it "${mode}"` }),
          workingDir,
          logDir,
          env: { GREN_NOTE: `it's "quoted" $HOME` },
          command: [process.execPath, '-e', WORKER, join(root, mode), mode],
        }),
      );
      const submitted = await run(sbatchCommand(script));
      if (!submitted.ok) throw new Error(`sbatch failed (is the cluster up? ${START_CLUSTER}): ${submitted.stderr}`);
      const { jobId } = parseSbatchOutput(submitted.stdout, formatCommand(sbatchCommand(script)));
      jobs.set(mode, jobId);
      return { jobId, logDir, workingDir };
    }

    /** Probes twice a second until the job is over; returns the last probe and the verdicts seen. */
    async function waitUntilTerminal(jobId: string): Promise<{ probe: SlurmProbeResult; seen: string[] }> {
      const seen: string[] = [];
      const deadline = Date.now() + 150000;
      for (;;) {
        const [squeue, scontrol, sacct] = await Promise.all([
          run(squeueCommand(jobId)),
          run(scontrolShowJobCommand(jobId)),
          run(sacctCommand(jobId)),
        ]);
        const probe = probeSlurmJob({ jobId, squeue, scontrol, sacct });
        const label = `${probe.verdict}:${probe.schedulerState ?? '-'}(restarts ${probe.restarts ?? '?'})`;
        if (seen[seen.length - 1] !== label) seen.push(label);
        if (probe.verdict === 'terminal' || Date.now() > deadline) return { probe, seen };
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }

    let exitJob: Promise<Watched>;
    let requeueJob: Promise<Watched>;

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), `gren slurm 'it' "q" `));
      // Both jobs run and are watched side by side from the start; each test awaits its own.
      const watch = async (submitted: Promise<Submitted>): Promise<Watched> => {
        const job = await submitted;
        return { ...job, ...(await waitUntilTerminal(job.jobId)) };
      };
      exitJob = watch(submit('exit'));
      requeueJob = watch(submit('requeue'));
      // Reported in the tests; keeps an early sbatch failure from being an unhandled rejection.
      exitJob.catch(() => undefined);
      requeueJob.catch(() => undefined);
    });

    afterAll(async () => {
      for (const jobId of jobs.values()) {
        const probe = probeSlurmJob({ jobId, squeue: await run(squeueCommand(jobId)) });
        if (probe.active) await run(scancelCommand(jobId)); // only our own jobs
      }
      rmSync(root, { recursive: true, force: true });
    });

    describe('when the job reaches its pre-timeout signal', () => {
      it('should deliver SIGUSR2 to the worker, which exits 0, and the job completes', async () => {
        const { jobId, logDir, workingDir, probe, seen } = await exitJob;

        expect(probe).toMatchObject({
          verdict: 'terminal',
          terminalStatus: 'success',
          schedulerState: 'COMPLETED',
          source: 'scontrol',
        });
        expect(seen).toContain('active:RUNNING(restarts 0)');
        const dir = join(root, 'exit');
        const started = readJson(join(dir, 'started-0.json'));
        const usr2 = readJson(join(dir, 'usr2-0.json'));
        expect(usr2).toMatchObject({ jobId, restartCount: null, cwd: workingDir, note: `it's "quoted" $HOME` });
        // Before the time limit: the job COMPLETED (not TIMEOUT) and the worker never got SIGTERM.
        expect(existsSync(join(dir, 'term-0.json'))).toBe(false);
        const secondsToSignal = (Number(usr2['at']) - Number(started['at'])) / 1000;

        const logs = sbatchLogPaths(logDir, jobId);
        expect(readFileSync(logs.stdout, 'utf8')).toBe('worker: started 0\nworker: got SIGUSR2\n');
        expect(readFileSync(logs.stderr, 'utf8')).toMatch(new RegExp(`^gren: job ${jobId} \\(restart 0\\) on `));

        console.log(
          `SLURM job ${jobId} (exit on USR2): ${seen.join(' -> ')}; SIGUSR2 ${secondsToSignal.toFixed(1)} s after start`,
        );
      }, 180000);
    });

    describe('when the worker requeues its own job on SIGUSR2', () => {
      it('should stay active while requeued and run again with SLURM_RESTART_COUNT=1', async () => {
        const { jobId, logDir, probe, seen } = await requeueJob;

        expect(probe).toMatchObject({
          verdict: 'terminal',
          terminalStatus: 'success',
          schedulerState: 'COMPLETED',
          restarts: 1,
        });
        expect(seen).toContain('active:RUNNING(restarts 0)');
        expect(seen).toContain('active:RUNNING(restarts 1)');
        // Never terminal or unknown before the end: the queued attempt would stay alive.
        expect(seen.slice(0, -1).every((label) => label.startsWith('active:'))).toBe(true);
        const dir = join(root, 'requeue');
        const requested = readJson(join(dir, 'usr2-0.json'));
        const terminated = readJson(join(dir, 'term-0.json'));
        const rerun = readJson(join(dir, 'started-1.json'));
        expect(rerun).toMatchObject({ jobId, restartCount: '1' });
        const secondsToRerun = (Number(rerun['at']) - Number(requested['at'])) / 1000;
        expect(Number(terminated['at'])).toBeGreaterThanOrEqual(Number(requested['at']));

        // --open-mode=append keeps the first run's log.
        const logs = sbatchLogPaths(logDir, jobId);
        expect(readFileSync(logs.stdout, 'utf8')).toMatch(
          /^worker: started 0\nworker: got SIGUSR2\n[\s\S]*worker: started 1\n$/,
        );
        const stderr = readFileSync(logs.stderr, 'utf8');
        expect(stderr).toContain(`gren: job ${jobId} (restart 0)`);
        expect(stderr).toContain(`gren: job ${jobId} (restart 1)`);

        console.log(
          `SLURM job ${jobId} (self-requeue): ${seen.join(' -> ')}; ran again ${secondsToRerun.toFixed(1)} s after the requeue`,
        );
      }, 180000);
    });
  });
}
