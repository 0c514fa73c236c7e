import { parseScontrolJob, parseScontrolJobs } from '../../../../lib/src/executors/slurm/parse-scontrol-job';
import { expectSlurmError, slurmFixture } from './slurm-fixtures';

describe('parseScontrolJob', () => {
  describe('when a job is running (real capture, multi-line)', () => {
    it('should read the fields gren uses', () => {
      expect(parseScontrolJob(slurmFixture('running.scontrol.txt'))).toMatchObject({
        jobId: '1',
        jobName: 'gren-ok',
        state: 'RUNNING',
        reason: null,
        requeue: true,
        restarts: 0,
        batchFlag: true,
        exitCode: { code: 0, signal: 0 },
        runTimeSec: 10,
        timeLimitSec: null,
        partition: 'debug',
        startTime: '2026-11-26T05:35:26',
        endTime: null,
        workDir: '/tmp/gse',
        stdOut: '/tmp/gse/1.out',
        stdErr: '/tmp/gse/1.err',
      });
    });

    it('should keep every other key, including odd ones, in fields', () => {
      const { fields } = parseScontrolJob(slurmFixture('running.scontrol.txt'));
      expect(fields['AllocNode:Sid']).toBe('localhost:3981');
      expect(fields['NtasksPerN:B:S:C']).toBe('0:0:*:*');
      expect(fields['CPUs/Task']).toBe('1');
      expect(fields['TRES']).toBe('cpu=1,node=1,billing=1');
      expect(fields['Power']).toBe('');
      expect(fields['MCS_label']).toBe('N/A');
    });
  });

  describe('when given the one-line form (-o) of the same job', () => {
    it('should read the same values as the multi-line form', () => {
      const multi = parseScontrolJob(slurmFixture('running.scontrol.txt'));
      const one = parseScontrolJob(slurmFixture('running.scontrol-oneline.txt'));
      expect({ ...one, runTimeSec: 0, fields: {} }).toEqual({ ...multi, runTimeSec: 0, fields: {} });
      expect(Object.keys(one.fields).sort()).toEqual(Object.keys(multi.fields).sort());
    });
  });

  describe('when jobs ended (real captures, both forms)', () => {
    it.each([
      ['completed', 'COMPLETED', null, { code: 0, signal: 0 }],
      ['failed', 'FAILED', 'NonZeroExitCode', { code: 3, signal: 0 }],
      ['timeout', 'TIMEOUT', 'TimeLimit', { code: 0, signal: 15 }],
      ['cancelled-running', 'CANCELLED', null, { code: 0, signal: 0 }],
      ['cancelled-pending', 'CANCELLED', 'JobHeldUser', { code: 0, signal: 0 }],
      ['preempt-norequeue-final', 'PREEMPTED', null, { code: 146, signal: 0 }],
    ])('should read %s as %s, reason %s', (name, state, reason, exitCode) => {
      for (const file of [`${name}.scontrol.txt`, `${name}.scontrol-oneline.txt`]) {
        expect(parseScontrolJob(slurmFixture(file))).toMatchObject({ state, reason, exitCode });
      }
    });
  });

  describe('when a job timed out (real capture)', () => {
    it('should read the run time past the limit', () => {
      expect(parseScontrolJob(slurmFixture('timeout.scontrol.txt'))).toMatchObject({
        runTimeSec: 81,
        timeLimitSec: 60,
      });
    });
  });

  describe('when a job was not allowed to requeue and got preempted (real capture)', () => {
    it('should read Requeue=0', () => {
      expect(parseScontrolJob(slurmFixture('preempt-norequeue-final.scontrol.txt')).requeue).toBe(false);
    });
  });

  describe('when a preempted job waits to run again (real capture)', () => {
    it('should read PENDING, BeginTime and one restart', () => {
      expect(parseScontrolJob(slurmFixture('preempt-pending-r1.scontrol.txt'))).toMatchObject({
        state: 'PENDING',
        reason: 'BeginTime',
        restarts: 1,
        requeue: true,
      });
    });
  });

  describe('when a job was requeued in held state (real capture)', () => {
    it('should read the underscore reason', () => {
      expect(parseScontrolJob(slurmFixture('requeue-hold.scontrol.txt'))).toMatchObject({
        state: 'PENDING',
        reason: 'job_requeued_in_held_state',
        restarts: 1,
      });
    });
  });

  describe('when the job name looks like more fields (real capture: "my job=1 Reason=x")', () => {
    it('should read the name whole and the real Reason, in both forms', () => {
      for (const file of ['spaces-running.scontrol.txt', 'spaces-running.scontrol-oneline.txt']) {
        const job = parseScontrolJob(slurmFixture(file));
        expect(job.jobName).toBe('my job=1 Reason=x');
        expect(job.reason).toBeNull();
        expect(job.state).toBe('RUNNING');
      }
    });

    it('should read paths with spaces and quotes exactly in the multi-line form', () => {
      const job = parseScontrolJob(slurmFixture('spaces-running.scontrol.txt'));
      expect(job.workDir).toBe("/tmp/gse/dir with 'quotes' and spaces");
      expect(job.stdOut).toBe("/tmp/gse/dir with 'quotes' and spaces/11.out");
    });
  });

  describe('when the comment holds fake state fields (real capture: "a b JobState=FAILED Restarts=9")', () => {
    it('should keep the real state and restarts, in both forms', () => {
      for (const file of ['cancelled-with-comment.scontrol.txt', 'cancelled-with-comment.scontrol-oneline.txt']) {
        const job = parseScontrolJob(slurmFixture(file));
        expect(job.state).toBe('CANCELLED');
        expect(job.restarts).toBe(0);
      }
    });

    it('should read the comment whole in the multi-line form', () => {
      expect(parseScontrolJob(slurmFixture('cancelled-with-comment.scontrol.txt')).fields['Comment']).toBe(
        'a b JobState=FAILED Restarts=9',
      );
    });
  });

  describe('when a job id is asked for', () => {
    it('should return that job', () => {
      expect(parseScontrolJob(slurmFixture('failed.scontrol.txt'), '5').state).toBe('FAILED');
    });

    it('should throw a SlurmError when the output is about another job', () => {
      expectSlurmError(() => parseScontrolJob(slurmFixture('failed.scontrol.txt'), '6'), /expected job 6, found 5/);
    });
  });

  describe('when the output is empty', () => {
    it('should throw a SlurmError naming the command', () => {
      expectSlurmError(
        () => parseScontrolJob('\n', undefined, 'scontrol show job 5'),
        /`scontrol show job 5`.*no "JobId=" record/,
      );
    });
  });

  describe('when the output is the "Invalid job id" error (real capture)', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(() => parseScontrolJob(slurmFixture('unknown.scontrol.txt')), /no valid "JobId=<digits>"/);
    });
  });

  describe('when a record has no JobState', () => {
    it('should throw a SlurmError naming the job', () => {
      expectSlurmError(() => parseScontrolJob('JobId=5 JobName=x\n   Reason=None\n'), /job 5 has no "JobState="/);
    });
  });

  describe('when a value gren reads is garbled', () => {
    it.each([
      ['Restarts=many', 'Restarts="many"'],
      ['RunTime=soon', 'RunTime="soon"'],
      ['ExitCode=3', 'ExitCode="3"'],
      ['Requeue=yes', 'Requeue="yes"'],
    ])('should throw a SlurmError for %s', (pair, shown) => {
      expectSlurmError(
        () => parseScontrolJob(`JobId=5 JobName=x\n   JobState=RUNNING ${pair}\n`),
        `unreadable ${shown}`,
      );
    });
  });

  describe('when a future SLURM prints keys gren does not know', () => {
    it('should keep them without complaint', () => {
      const job = parseScontrolJob('JobId=5 JobName=x UserId=root(0) JobState=RUNNING FancyNewKey=a,b=c Other:Key=1\n');
      expect(job.fields['FancyNewKey']).toBe('a,b=c');
      expect(job.fields['Other:Key']).toBe('1');
    });
  });

  describe('when an array job is shown', () => {
    it('should read the keys before JobName on the first line', () => {
      const job = parseScontrolJob(
        'JobId=12 ArrayJobId=12 ArrayTaskId=1 JobName=arr\n   JobState=PENDING Reason=None\n',
      );
      expect(job.fields['ArrayTaskId']).toBe('1');
      expect(job.jobName).toBe('arr');
    });
  });
});

describe('parseScontrolJobs', () => {
  describe('when the output holds several jobs', () => {
    it('should read them all, in either form', () => {
      const multi = `${slurmFixture('running.scontrol.txt')}${slurmFixture('failed.scontrol.txt')}`;
      const one = `${slurmFixture('running.scontrol-oneline.txt')}${slurmFixture('failed.scontrol-oneline.txt')}`;
      expect(parseScontrolJobs(multi).map((j) => [j.jobId, j.state])).toEqual([
        ['1', 'RUNNING'],
        ['5', 'FAILED'],
      ]);
      expect(parseScontrolJobs(one).map((j) => [j.jobId, j.state])).toEqual([
        ['1', 'RUNNING'],
        ['5', 'FAILED'],
      ]);
    });
  });
});
