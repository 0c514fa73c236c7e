import { lastSacctRun, parseSacctOutput, sacctRuns } from '../../../../lib/src/executors/slurm/parse-sacct-output';
import { expectSlurmError, slurmFixture } from './slurm-fixtures';

describe('parseSacctOutput', () => {
  describe('when a job completed (real capture)', () => {
    it('should read every column', () => {
      expect(parseSacctOutput(slurmFixture('completed.sacct.txt'))).toEqual([
        {
          jobId: '1',
          state: 'COMPLETED',
          rawState: 'COMPLETED',
          cancelledBy: null,
          exitCode: { code: 0, signal: 0 },
          reason: null,
          start: '2026-11-26T05:35:26',
          end: '2026-11-26T05:35:46',
          fields: {
            JobID: '1',
            State: 'COMPLETED',
            ExitCode: '0:0',
            Reason: 'None',
            Start: '2026-11-26T05:35:26',
            End: '2026-11-26T05:35:46',
          },
        },
      ]);
    });
  });

  describe('when a job was cancelled (real capture: "CANCELLED by 0")', () => {
    it('should normalize the state and keep who cancelled', () => {
      const [record] = parseSacctOutput(slurmFixture('cancelled-running.sacct.txt'));
      expect(record?.state).toBe('CANCELLED');
      expect(record?.rawState).toBe('CANCELLED by 0');
      expect(record?.cancelledBy).toBe('0');
    });
  });

  describe('when a job failed with exit 3 (real capture)', () => {
    it('should read the exit code', () => {
      expect(parseSacctOutput(slurmFixture('failed.sacct.txt'))[0]?.exitCode).toEqual({ code: 3, signal: 0 });
    });
  });

  describe('when a job is still pending (real capture)', () => {
    it('should give null start and end', () => {
      const [record] = parseSacctOutput(slurmFixture('pending.sacct.txt'));
      expect(record).toMatchObject({ state: 'PENDING', start: null, end: null });
    });
  });

  describe('when slurmdbd has no record yet (real capture just after sbatch)', () => {
    it('should return no records', () => {
      expect(parseSacctOutput(slurmFixture('pending-held.sacct.txt'))).toEqual([]);
    });
  });

  describe('when the job self-requeued and -D lists every run (real capture)', () => {
    it('should list the REQUEUED run, then the last one', () => {
      const records = parseSacctOutput(slurmFixture('selfrequeue-failed-r1.sacct-duplicates.txt'));
      expect(records.map((r) => r.state)).toEqual(['REQUEUED', 'FAILED']);
    });
  });

  describe('when the fields are a different -o list', () => {
    it('should map the columns by that list', () => {
      const [record] = parseSacctOutput('7|PREEMPTED\n', ['JobID', 'State']);
      expect(record).toMatchObject({ jobId: '7', state: 'PREEMPTED', exitCode: null, start: null, end: null });
    });
  });

  describe('when sacct ran without -X and lists steps', () => {
    it('should keep the steps as their own records', () => {
      const text =
        '7|COMPLETED|0:0||2026-11-26T05:39:12|2026-11-26T05:39:22\n7.batch|COMPLETED|0:0||2026-11-26T05:39:12|2026-11-26T05:39:22\n';
      expect(parseSacctOutput(text).map((r) => r.jobId)).toEqual(['7', '7.batch']);
    });
  });

  describe('when a line has the wrong number of columns', () => {
    it('should throw a SlurmError naming the command and the expected columns', () => {
      expectSlurmError(
        () => parseSacctOutput('7|COMPLETED|0:0\n', undefined, 'sacct -n -P -X -j 7'),
        /`sacct -n -P -X -j 7`.*3 columns, expected 6 \(JobID\|State\|ExitCode\|Reason\|Start\|End\)/,
      );
    });
  });

  describe('when sacct printed its table format instead of -P', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(
        () => parseSacctOutput('       JobID      State ExitCode\n------------ ---------- --------\n'),
        /columns, expected 6/,
        /-P/,
      );
    });
  });

  describe('when a line has no valid JobID or State', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(() => parseSacctOutput('x|COMPLETED|0:0|None|a|b\n'), /sacct/, /no valid JobID and State/);
      expectSlurmError(() => parseSacctOutput('7||0:0|None|a|b\n'), /no valid JobID and State/);
    });
  });

  describe('when the ExitCode column is garbled', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(() => parseSacctOutput('7|COMPLETED|zero|None|a|b\n'), /unreadable ExitCode/);
    });
  });

  describe('when the field list lacks JobID or State', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(() => parseSacctOutput('x\n', ['State']), /must include JobID and State/);
    });
  });
});

describe('lastSacctRun', () => {
  describe('when a preempted job ran again (real capture, -D)', () => {
    it('should pick the last run of the job', () => {
      const records = parseSacctOutput(slurmFixture('preempt-completed-r1.sacct-duplicates.txt'));
      expect(sacctRuns(records, '9').map((r) => r.state)).toEqual(['PREEMPTED', 'COMPLETED']);
      expect(lastSacctRun(records, '9')?.state).toBe('COMPLETED');
    });
  });

  describe('when the requeued job waits to run again (real capture, -D)', () => {
    it('should still see PREEMPTED as the last run: sacct lags behind the controller', () => {
      expect(lastSacctRun(parseSacctOutput(slurmFixture('preempt-pending-r1.sacct-duplicates.txt')), '9')?.state).toBe(
        'PREEMPTED',
      );
    });
  });

  describe('when steps are listed', () => {
    it('should ignore them', () => {
      const records = parseSacctOutput('7|COMPLETED|0:0||a|b\n7.batch|FAILED|1:0||a|b\n');
      expect(lastSacctRun(records, '7')?.state).toBe('COMPLETED');
    });
  });

  describe('when sacct knows nothing of the job', () => {
    it('should give null', () => {
      expect(lastSacctRun([], '7')).toBeNull();
    });
  });
});
