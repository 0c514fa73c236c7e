import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatMemory,
  renderSbatchScript,
  sbatchDirectives,
  sbatchLogPaths,
  type SbatchScriptInput,
} from '../../../../lib/src/executors/slurm/sbatch-script';
import { resolveSlurmOptions } from '../../../../lib/src/executors/slurm/slurm-options';
import { expectSlurmError } from './slurm-fixtures';

const base: SbatchScriptInput = {
  options: resolveSlurmOptions(),
  workingDir: '/work/project',
  logDir: '/data/ns/abc/.gren/slurm',
  env: { GREN_PATH: '/data' },
  command: ['/usr/bin/node', '/lib/worker.js', '--spec', '/data/ns/abc/.gren/worker.json'],
};

describe('renderSbatchScript', () => {
  describe('when rendered with default options', () => {
    it('should produce this exact script', () => {
      expect(renderSbatchScript(base)).toBe(
        [
          '#!/bin/bash',
          '# Written by gren: runs one gren worker as a SLURM batch job.',
          '#SBATCH --job-name="gren"',
          '#SBATCH --output="/data/ns/abc/.gren/slurm/"%j.out',
          '#SBATCH --error="/data/ns/abc/.gren/slurm/"%j.err',
          '#SBATCH --open-mode=append',
          '#SBATCH --signal=B:USR2@90',
          '#SBATCH --requeue',
          '',
          '# SLURM signals this shell (USR2 before the time limit; TERM on scancel, preemption and',
          '# requeue). bash runs traps only between commands, so the worker runs in the background,',
          '# the shell waits for it and forwards those signals to it.',
          'gren_worker_pid=',
          'gren_pending_signals=',
          'gren_forward() {',
          '  if [ -n "$gren_worker_pid" ]; then',
          '    kill -s "$1" "$gren_worker_pid" 2>/dev/null',
          '  else',
          '    gren_pending_signals="$gren_pending_signals $1"',
          '  fi',
          '}',
          "trap 'gren_forward USR2' USR2",
          "trap 'gren_forward TERM' TERM",
          '',
          `echo "gren: job \${SLURM_JOB_ID:-?} (restart \${SLURM_RESTART_COUNT:-0}) on $(hostname) at $(date -u '+%Y-%m-%dT%H:%M:%SZ')" >&2`,
          `cd -- '/work/project' || { echo "gren: cannot enter the working directory" >&2; exit 1; }`,
          "export GREN_PATH='/data'",
          "'/usr/bin/node' '/lib/worker.js' '--spec' '/data/ns/abc/.gren/worker.json' &",
          'gren_worker_pid=$!',
          'for gren_signal in $gren_pending_signals; do kill -s "$gren_signal" "$gren_worker_pid" 2>/dev/null; done',
          '',
          'gren_status=0',
          'while :; do',
          '  wait "$gren_worker_pid"',
          '  gren_status=$?',
          '  # A trapped signal makes wait return early with a status above 128: wait again while the worker lives.',
          '  if [ "$gren_status" -le 128 ] || ! kill -0 "$gren_worker_pid" 2>/dev/null; then break; fi',
          'done',
          'if [ "$gren_status" -gt 128 ]; then',
          '  # The worker may have exited just after the interruption: ask once more for its own status.',
          '  wait "$gren_worker_pid" 2>/dev/null',
          '  gren_retry=$?',
          '  if [ "$gren_retry" -ne 127 ]; then gren_status=$gren_retry; fi',
          'fi',
          'exit "$gren_status"',
          '',
        ].join('\n'),
      );
    });
  });

  describe('when paths, names, env and arguments hold spaces, quotes, $ and %', () => {
    const nasty: SbatchScriptInput = {
      options: resolveSlurmOptions({ jobName: `my "job" 'x' 5% $HOME` }),
      workingDir: `/work/it's a "dir" $HOME`,
      logDir: `/data/100% 'sure' "x"/.gren/slurm/`,
      env: { GREN_NOTE: `a'b "c" $(id) \`id\`` },
      command: ['/usr/bin/node', '-e', `console.log('$HOME', "x")`, ''],
    };

    it('should quote the #SBATCH values the way sbatch reads them', () => {
      const text = renderSbatchScript(nasty);
      expect(text).toContain(`#SBATCH --job-name="my \\"job\\" 'x' 5% $HOME"\n`);
      expect(text).toContain(`#SBATCH --output="/data/100%% 'sure' \\"x\\"/.gren/slurm/"%j.out\n`);
    });

    it('should single-quote the working dir, env values and every argument', () => {
      const text = renderSbatchScript(nasty);
      expect(text).toContain(`cd -- '/work/it'\\''s a "dir" $HOME' ||`);
      expect(text).toContain(`export GREN_NOTE='a'\\''b "c" $(id) \`id\`'\n`);
      expect(text).toContain(`'/usr/bin/node' '-e' 'console.log('\\''$HOME'\\'', "x")' '' &\n`);
    });

    it('should be valid bash (bash -n)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'gren-sbatch-'));
      try {
        const file = join(dir, 'job.sh');
        writeFileSync(file, renderSbatchScript(nasty));
        expect(() => execFileSync('bash', ['-n', file], { stdio: 'pipe' })).not.toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when the working dir is relative', () => {
    it('should throw a SlurmError asking for an absolute path', () => {
      expectSlurmError(
        () => renderSbatchScript({ ...base, workingDir: 'project' }),
        /workingDir = "project"/,
        /absolute path/,
      );
    });
  });

  describe('when the log dir is relative', () => {
    it('should throw a SlurmError asking for an absolute path', () => {
      expectSlurmError(() => renderSbatchScript({ ...base, logDir: '.gren/slurm' }), /logDir/, /absolute path/);
    });
  });

  describe('when the log dir has a backslash', () => {
    it('should throw a SlurmError: slurmd would not expand %j', () => {
      expectSlurmError(() => renderSbatchScript({ ...base, logDir: '/data/a\\b' }), /logDir/, /backslash/);
    });
  });

  describe('when the command is empty', () => {
    it('should throw a SlurmError with an example', () => {
      expectSlurmError(() => renderSbatchScript({ ...base, command: [] }), /command/, /is empty/, /process\.execPath/);
    });
  });

  describe('when an argument holds a NUL', () => {
    it('should throw a SlurmError naming the argument', () => {
      expectSlurmError(() => renderSbatchScript({ ...base, command: ['node', 'a\u0000'] }), /command\[1\]/, /NUL/);
    });
  });

  describe('when an env name is not a shell variable name', () => {
    it.each(['1X', 'A-B', 'A B', ''])('should throw a SlurmError for %j', (name) => {
      expectSlurmError(
        () => renderSbatchScript({ ...base, env: { [name]: 'x' } }),
        /env name/,
        /not a valid environment variable name/,
      );
    });
  });
});

describe('sbatchDirectives', () => {
  describe('when every option is set', () => {
    it('should render them in a fixed order', () => {
      const options = resolveSlurmOptions({
        partition: 'gpu',
        timeMin: 60,
        cpusPerTask: 4,
        memGb: 1.5,
        gpusPerNode: 1,
        account: 'proj',
        qos: 'high',
        additionalParameters: { constraint: 'v100&fast', exclusive: true },
        signalDelaySec: 120,
        jobName: 'train',
        requeue: false,
      });
      expect(sbatchDirectives(options, '/logs')).toEqual([
        '--job-name="train"',
        '--output="/logs/"%j.out',
        '--error="/logs/"%j.err',
        '--open-mode=append',
        '--partition="gpu"',
        '--time=60',
        '--cpus-per-task=4',
        '--mem=1536M',
        '--gpus-per-node=1',
        '--account="proj"',
        '--qos="high"',
        '--signal=B:USR2@120',
        '--no-requeue',
        '--constraint="v100&fast"',
        '--exclusive',
      ]);
    });
  });

  describe('when gpusPerNode is 0 and the signal is off', () => {
    it('should render neither', () => {
      const lines = sbatchDirectives(resolveSlurmOptions({ gpusPerNode: 0, signalDelaySec: null }), '/logs');
      expect(lines.some((line) => line.startsWith('--gpus-per-node') || line.startsWith('--signal'))).toBe(false);
    });
  });
});

describe('sbatchLogPaths', () => {
  describe('when given the log dir and a job id', () => {
    it('should name the files slurmd writes, with or without a trailing slash', () => {
      expect(sbatchLogPaths('/logs', '12')).toEqual({ stdout: '/logs/12.out', stderr: '/logs/12.err' });
      expect(sbatchLogPaths('/logs/', '12')).toEqual({ stdout: '/logs/12.out', stderr: '/logs/12.err' });
    });
  });
});

describe('formatMemory', () => {
  describe('when the amount is whole GB', () => {
    it('should use G', () => {
      expect(formatMemory(4)).toBe('4G');
    });
  });

  describe('when the amount is a fraction', () => {
    it('should round up to whole MB', () => {
      expect(formatMemory(1.5)).toBe('1536M');
      expect(formatMemory(0.0001)).toBe('1M');
    });
  });
});
