import { readSlurmJobEnvironment } from '../../../../lib/src/executors/slurm/slurm-job-environment';
import { slurmFixture } from './slurm-fixtures';

/** `env | grep ^SLURM` as captured inside a real batch job. */
function capturedEnv(file: string): Record<string, string> {
  return Object.fromEntries(
    slurmFixture(file)
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('readSlurmJobEnvironment', () => {
  describe('when a batch job runs for the first time (real capture: no SLURM_RESTART_COUNT)', () => {
    it('should read restart count 0', () => {
      expect(readSlurmJobEnvironment(capturedEnv('batch-env.txt'))).toEqual({
        jobId: '7',
        restartCount: 0,
        jobName: 'gren-victim',
        partition: 'debug',
        nodeList: 'vm',
        clusterName: 'localcluster',
        submitDir: '/tmp/gse',
        cpusOnNode: 2,
        arrayJobId: null,
        arrayTaskId: null,
      });
    });
  });

  describe('when the job is a task of a job array (real capture)', () => {
    it('should read the array job id and the task index', () => {
      expect(readSlurmJobEnvironment(capturedEnv('array-task-env.txt'))).toMatchObject({
        jobId: '12',
        arrayJobId: '12',
        arrayTaskId: 1,
        jobName: 'gren-sweep',
      });
    });
  });

  describe('when the job runs again after a requeue (real capture)', () => {
    it('should read SLURM_RESTART_COUNT', () => {
      expect(readSlurmJobEnvironment(capturedEnv('batch-env-after-requeue.txt'))?.restartCount).toBe(1);
    });
  });

  describe('when only the old SLURM_JOBID is set', () => {
    it('should use it', () => {
      expect(readSlurmJobEnvironment({ SLURM_JOBID: '44' })?.jobId).toBe('44');
    });
  });

  describe('when not inside a SLURM job', () => {
    it('should give null', () => {
      expect(readSlurmJobEnvironment({ PATH: '/usr/bin' })).toBeNull();
      expect(readSlurmJobEnvironment({ SLURM_JOB_ID: 'abc' })).toBeNull();
    });
  });

  describe('when numbers are garbled', () => {
    it('should fall back to 0 restarts and unknown CPUs', () => {
      expect(
        readSlurmJobEnvironment({ SLURM_JOB_ID: '1', SLURM_RESTART_COUNT: 'x', SLURM_CPUS_ON_NODE: '' }),
      ).toMatchObject({
        restartCount: 0,
        cpusOnNode: null,
      });
    });
  });
});
