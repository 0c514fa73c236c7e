import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSbatchScript } from '../../../../lib/src/executors/slurm/sbatch-script';
import { resolveSlurmOptions } from '../../../../lib/src/executors/slurm/slurm-options';

/**
 * The rendered script run by real bash with a real Node worker, outside SLURM: the signals
 * SLURM would send to the batch shell are sent by the test. (The SLURM run itself is in
 * spec/integration/slurm.)
 */

/** Installs its handlers, reports ready, records each signal, exits as the test asks. */
const WORKER = `
const fs = require('fs');
const [events, behaviour] = process.argv.slice(1);
const log = (line) => fs.appendFileSync(events, line + '\\n');
if (behaviour !== 'no-handlers') {
  for (const signal of ['SIGUSR2', 'SIGTERM']) {
    process.on(signal, () => {
      log(signal);
      if (behaviour === 'exit-on-signal') process.exit(signal === 'SIGUSR2' ? 7 : 3);
      if (behaviour === 'exit-after-two' && fs.readFileSync(events, 'utf8').split('\\n').filter((l) => l.startsWith('SIG')).length >= 2) process.exit(9);
    });
  }
}
log('ready ' + JSON.stringify({ argv: process.argv.slice(3), cwd: process.cwd(), note: process.env.GREN_NOTE }));
if (behaviour === 'exit-5') process.exit(5);
setTimeout(() => process.exit(0), 20000);
`;

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), `gren script 'signals' `));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  readonly pid: number;
  readonly events: string;
  readonly exit: Promise<number | null>;
}

function start(behaviour: string, extraArgs: string[] = []): Run {
  const workingDir = join(root, `work "dir" $HOME`);
  mkdirSync(workingDir);
  const events = join(root, 'events.txt');
  const script = join(root, 'job.sh');
  writeFileSync(
    script,
    renderSbatchScript({
      options: resolveSlurmOptions(),
      workingDir,
      logDir: join(root, 'logs'),
      env: { GREN_NOTE: `it's "quoted" $HOME` },
      command: [process.execPath, '-e', WORKER, events, behaviour, ...extraArgs],
    }),
  );
  const child = spawn('bash', [script], { stdio: ['ignore', 'ignore', 'ignore'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (child.pid === undefined) throw new Error('bash did not start');
  return { pid: child.pid, events, exit };
}

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lines = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
const ready = (run: Run) => () => lines(run.events).some((line) => line.startsWith('ready'));

describe('renderSbatchScript (run by bash)', () => {
  jest.setTimeout(30000);

  describe('when the worker exits on its own', () => {
    it('should exit with the worker status', async () => {
      const run = start('exit-5');
      expect(await run.exit).toBe(5);
    });
  });

  describe('when the worker starts', () => {
    it('should run it in the working dir with the env and the exact arguments', async () => {
      const args = ['', 'a b', `'"`, '$(id)', 'line\nbreak'];
      const run = start('exit-5', args);
      await run.exit;
      const readyLine = lines(run.events).find((line) => line.startsWith('ready ')) ?? '';
      expect(JSON.parse(readyLine.slice('ready '.length))).toEqual({
        argv: args,
        cwd: join(root, `work "dir" $HOME`),
        note: `it's "quoted" $HOME`,
      });
    });
  });

  describe('when the shell receives USR2 (what --signal=B:USR2@N sends)', () => {
    it('should forward it to the worker and exit with the worker status', async () => {
      const run = start('exit-on-signal');
      await waitFor(ready(run), 'the worker');
      process.kill(run.pid, 'SIGUSR2');
      expect(await run.exit).toBe(7);
      expect(lines(run.events)).toContain('SIGUSR2');
    });
  });

  describe('when the shell receives TERM (scancel, preemption, requeue)', () => {
    it('should forward it to the worker and exit with the worker status', async () => {
      const run = start('exit-on-signal');
      await waitFor(ready(run), 'the worker');
      process.kill(run.pid, 'SIGTERM');
      expect(await run.exit).toBe(3);
      expect(lines(run.events)).toContain('SIGTERM');
    });
  });

  describe('when the worker keeps running after a signal', () => {
    it('should keep waiting and forward the next signal too', async () => {
      const run = start('exit-after-two');
      await waitFor(ready(run), 'the worker');
      process.kill(run.pid, 'SIGUSR2');
      await waitFor(() => lines(run.events).includes('SIGUSR2'), 'the first signal');
      process.kill(run.pid, 'SIGTERM');
      expect(await run.exit).toBe(9);
      expect(lines(run.events).filter((line) => line.startsWith('SIG'))).toEqual(['SIGUSR2', 'SIGTERM']);
    });
  });

  describe('when the worker has no USR2 handler', () => {
    it('should report the worker killed by USR2 as 140 (128 + 12)', async () => {
      const run = start('no-handlers');
      await waitFor(ready(run), 'the worker');
      process.kill(run.pid, 'SIGUSR2');
      expect(await run.exit).toBe(140);
    });
  });
});
