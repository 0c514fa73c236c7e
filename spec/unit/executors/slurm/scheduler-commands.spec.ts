import {
  formatCommand,
  sacctCommand,
  sbatchCommand,
  scancelCommand,
  scontrolRequeueCommand,
  scontrolShowJobCommand,
  squeueCommand,
} from '../../../../lib/src/executors/slurm/scheduler-commands';
import { expectSlurmError } from './slurm-fixtures';

describe('scheduler commands', () => {
  describe('when built for a job', () => {
    it('should use the formats the parsers read', () => {
      expect(sbatchCommand('/a b/job.sh')).toEqual({ file: 'sbatch', args: ['--parsable', '/a b/job.sh'] });
      expect(squeueCommand('12')).toEqual({ file: 'squeue', args: ['-h', '-t', 'all', '-j', '12', '-o', '%i|%T|%r'] });
      expect(scontrolShowJobCommand('12')).toEqual({ file: 'scontrol', args: ['show', 'job', '12'] });
      expect(sacctCommand('12')).toEqual({
        file: 'sacct',
        args: ['-n', '-P', '-X', '-D', '-j', '12', '-o', 'JobID,State,ExitCode,Reason,Start,End'],
      });
      expect(scancelCommand('12')).toEqual({ file: 'scancel', args: ['12'] });
      expect(scancelCommand('12', null, 'USR2')).toEqual({ file: 'scancel', args: ['--signal=USR2', '12'] });
      expect(scontrolRequeueCommand('12')).toEqual({ file: 'scontrol', args: ['requeue', '12'] });
    });
  });

  describe('when sbatch named a cluster', () => {
    it('should pass -M to every command', () => {
      for (const command of [
        squeueCommand('12', 'c1'),
        scontrolShowJobCommand('12', 'c1'),
        sacctCommand('12', 'c1'),
        scancelCommand('12', 'c1'),
        scontrolRequeueCommand('12', 'c1'),
      ]) {
        expect(command.args.slice(0, 2)).toEqual(['-M', 'c1']);
      }
    });
  });

  describe('when the job id is not one sbatch prints', () => {
    it.each(['', '12;c1', '12 13', '-1', '$(id)'])('should throw a SlurmError for %j', (jobId) => {
      const error = expectSlurmError(() => squeueCommand(jobId), /is not a SLURM job id/, /attempt\.scheduler\.job_id/);
      expect(error.code).toBe('SLURM_INVALID_JOB_ID');
    });
  });
});

describe('formatCommand', () => {
  describe('when arguments need quoting', () => {
    it('should quote only those', () => {
      expect(formatCommand(squeueCommand('12'))).toBe(`squeue -h -t all -j 12 -o '%i|%T|%r'`);
      expect(formatCommand(sbatchCommand("/a b/it's.sh"))).toBe(`sbatch --parsable '/a b/it'\\''s.sh'`);
    });
  });
});
