import { findSqueueRow, parseSqueueOutput } from '../../../../lib/src/executors/slurm/parse-squeue-output';
import { expectSlurmError, slurmFixture } from './slurm-fixtures';

describe('parseSqueueOutput', () => {
  describe('when a job is running (real capture)', () => {
    it('should read id, state and a null reason for None', () => {
      expect(parseSqueueOutput(slurmFixture('running.squeue.txt'))).toEqual([
        { jobId: '1', state: 'RUNNING', rawState: 'RUNNING', reason: null },
      ]);
    });
  });

  describe('when a job waits (real captures)', () => {
    it.each([
      ['pending.squeue.txt', 'Resources'],
      ['pending-held.squeue.txt', 'JobHeldUser'],
      ['pending-priority.squeue.txt', 'Priority'],
      ['preempt-pending-r1.squeue.txt', 'BeginTime'],
    ])('should read %s as PENDING with reason %s', (file, reason) => {
      const [row] = parseSqueueOutput(slurmFixture(file));
      expect(row?.state).toBe('PENDING');
      expect(row?.reason).toBe(reason);
    });
  });

  describe('when the reason has spaces (requeue hold, real capture)', () => {
    it('should keep the whole reason', () => {
      expect(parseSqueueOutput(slurmFixture('requeue-hold.squeue.txt'))[0]?.reason).toBe('job requeued in held state');
    });
  });

  describe('when -t all lists finished jobs (real captures)', () => {
    it.each([
      ['completed.squeue-all.txt', 'COMPLETED'],
      ['failed.squeue-all.txt', 'FAILED'],
      ['timeout.squeue-all.txt', 'TIMEOUT'],
      ['cancelled-running.squeue-all.txt', 'CANCELLED'],
      ['preempt-norequeue-final.squeue-all.txt', 'PREEMPTED'],
    ])('should read %s as %s', (file, state) => {
      expect(parseSqueueOutput(slurmFixture(file))[0]?.state).toBe(state);
    });
  });

  describe('when squeue lists nothing (finished job without -t all, real capture)', () => {
    it('should return no rows', () => {
      expect(parseSqueueOutput(slurmFixture('completed.squeue.txt'))).toEqual([]);
    });
  });

  describe('when the output has a header line (real capture without -h)', () => {
    it('should skip the header', () => {
      expect(parseSqueueOutput(slurmFixture('completed-with-header.squeue-all.txt'))).toEqual([
        { jobId: '18', state: 'COMPLETED', rawState: 'COMPLETED', reason: null },
      ]);
    });
  });

  describe('when squeue -M prints a CLUSTER line', () => {
    it('should skip it', () => {
      expect(parseSqueueOutput('CLUSTER: localcluster\n5|RUNNING|None\n')).toHaveLength(1);
    });
  });

  describe('when the output is garbled', () => {
    it.each([
      'slurm_load_jobs error: Invalid job id specified',
      '5 RUNNING None',
      '5|RUNNING',
      'x|RUNNING|None',
      '5||None',
    ])('should throw a SlurmError naming the command for %j', (text) => {
      expectSlurmError(() => parseSqueueOutput(text, 'squeue -h -j 5'), /`squeue -h -j 5`.*<jobid>\|<STATE>\|<reason>/);
    });
  });
});

describe('findSqueueRow', () => {
  describe('when several jobs are listed', () => {
    it('should find the one asked for, or null', () => {
      const rows = parseSqueueOutput('1|RUNNING|None\n2|PENDING|Resources\n');
      expect(findSqueueRow(rows, '2')?.state).toBe('PENDING');
      expect(findSqueueRow(rows, '3')).toBeNull();
    });
  });
});
