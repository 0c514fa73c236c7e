import { parseSbatchOutput } from '../../../../lib/src/executors/slurm/parse-sbatch-output';
import { expectSlurmError, slurmFixture } from './slurm-fixtures';

describe('parseSbatchOutput', () => {
  describe('when sbatch --parsable printed a job id (real capture)', () => {
    it('should return the id and no cluster', () => {
      expect(parseSbatchOutput(slurmFixture('sbatch-parsable.txt'))).toEqual({ jobId: '1', cluster: null });
    });
  });

  describe('when sbatch -M printed "<id>;<cluster>" (real capture)', () => {
    it('should return both', () => {
      expect(parseSbatchOutput(slurmFixture('sbatch-parsable-cluster.txt'))).toEqual({
        jobId: '18',
        cluster: 'localcluster',
      });
    });
  });

  describe('when a site banner comes before the id', () => {
    it('should read the last line', () => {
      expect(parseSbatchOutput('Welcome to the cluster\n\n4242\n')).toEqual({ jobId: '4242', cluster: null });
    });
  });

  describe('when the output has Windows line ends', () => {
    it('should still read the id', () => {
      expect(parseSbatchOutput('77\r\n').jobId).toBe('77');
    });
  });

  describe('when sbatch printed nothing', () => {
    it('should throw a SlurmError naming the command', () => {
      expectSlurmError(() => parseSbatchOutput(''), /`sbatch --parsable`/, /printed nothing/);
      expectSlurmError(() => parseSbatchOutput('  \n'), /printed nothing/);
    });
  });

  describe('when the output is not a job id', () => {
    it.each(['Submitted batch job 12', 'sbatch: error: invalid partition specified: nosuchpartition', '12;', '12;a;b'])(
      'should throw a SlurmError quoting %j',
      (text) => {
        expectSlurmError(
          () => parseSbatchOutput(text, 'sbatch --parsable /tmp/x.sh'),
          /`sbatch --parsable \/tmp\/x\.sh`.*"<jobid>" or "<jobid>;<cluster>"/,
        );
      },
    );
  });

  describe('when given the message of a failed submission (real capture)', () => {
    it('should throw a SlurmError quoting it', () => {
      expectSlurmError(
        () => parseSbatchOutput(slurmFixture('sbatch-invalid-partition.stderr.txt')),
        /invalid partition specified/,
      );
    });
  });

  describe('when the error is caught', () => {
    it('should carry the SLURM_UNREADABLE_OUTPUT code', () => {
      expect(expectSlurmError(() => parseSbatchOutput('')).code).toBe('SLURM_UNREADABLE_OUTPUT');
    });
  });
});
