import {
  isInvalidJobIdMessage,
  probeSlurmJob,
  type CommandResult,
} from '../../../../lib/src/executors/slurm/slurm-probe';
import { scenario, slurmResult } from './slurm-fixtures';

const ok = (stdout: string): CommandResult => ({ ok: true, stdout });
/** Real captures: slurmctld unreachable (scontrol/squeue exit 1 after ~18 s), and a job it does not hold. */
const controllerDown = slurmResult('controller-down.scontrol.txt');
const invalidJobId = slurmResult('unknown.scontrol.txt');

describe('probeSlurmJob', () => {
  describe('when the controller holds the job (real captures, all three commands)', () => {
    it.each([
      ['running', '1', 'RUNNING', null, 0],
      ['pending', '3', 'PENDING', 'Resources', 0],
      ['pending-held', '4', 'PENDING', 'JobHeldUser', 0],
      ['pending-priority', '5', 'PENDING', 'Priority', 0],
      ['preempt-running-r0', '9', 'RUNNING', null, 0],
      ['preempt-pending-r1', '9', 'PENDING', 'BeginTime', 1],
      ['preempt-running-r1', '9', 'RUNNING', null, 1],
      ['selfrequeue-pending-r0', '15', 'PENDING', null, 0],
      ['selfrequeue-pending-r1', '15', 'PENDING', 'BeginTime', 1],
      ['selfrequeue-running-r1', '15', 'RUNNING', null, 1],
      ['requeued-pending', '16', 'PENDING', 'BeginTime', 1],
      ['requeue-hold', '17', 'PENDING', 'job_requeued_in_held_state', 1],
      ['spaces-running', '11', 'RUNNING', null, 0],
    ])('should call %s active (keep the attempt alive: R5)', (name, jobId, state, schedulerReason, restarts) => {
      expect(probeSlurmJob({ jobId, ...scenario(name) })).toMatchObject({
        verdict: 'active',
        active: true,
        schedulerState: state,
        schedulerReason,
        restarts,
        reason: `scheduler:${state}`,
        source: 'scontrol',
        warnings: [],
      });
    });
  });

  describe('when the job ended while the controller still remembers it (real captures)', () => {
    it.each([
      ['completed', '1', 'COMPLETED', 'success', 0],
      ['failed', '5', 'FAILED', 'failed', 0],
      ['timeout', '2', 'TIMEOUT', 'preempted', 0],
      ['cancelled-running', '6', 'CANCELLED', 'failed', 0],
      ['cancelled-pending', '4', 'CANCELLED', 'failed', 0],
      ['preempt-norequeue-final', '13', 'PREEMPTED', 'preempted', 0],
      ['preempt-completed-r1', '9', 'COMPLETED', 'success', 1],
      ['selfrequeue-failed-r1', '15', 'FAILED', 'failed', 1],
      ['requeue-hold-cancelled', '17', 'CANCELLED', 'failed', 1],
    ])('should call %s terminal', (name, jobId, state, terminalStatus, restarts) => {
      expect(probeSlurmJob({ jobId, ...scenario(name) })).toMatchObject({
        verdict: 'terminal',
        active: false,
        terminalStatus,
        schedulerState: state,
        restarts,
        reason: `scheduler:${state}`,
        source: 'scontrol',
      });
    });
  });

  describe('when a job was cancelled and cancelledIsPreempted is on (real capture)', () => {
    it('should call it preempted', () => {
      expect(probeSlurmJob({ jobId: '6', ...scenario('cancelled-running'), cancelledIsPreempted: true })).toMatchObject(
        {
          terminalStatus: 'preempted',
        },
      );
    });
  });

  describe('when only sacct is asked (real captures)', () => {
    it.each([
      ['completed', '1', 'success', 'COMPLETED'],
      ['failed', '5', 'failed', 'FAILED'],
      ['timeout', '2', 'preempted', 'TIMEOUT'],
      ['cancelled-running', '6', 'failed', 'CANCELLED by 0'],
    ])('should take a final %s record as it is', (name, jobId, terminalStatus, raw) => {
      const { sacct } = scenario(name);
      expect(probeSlurmJob({ jobId, sacct })).toMatchObject({
        verdict: 'terminal',
        terminalStatus,
        rawSchedulerState: raw,
        source: 'sacct',
      });
    });

    it('should count earlier runs as restarts (real capture of a self-requeued job)', () => {
      expect(probeSlurmJob({ jobId: '15', sacct: scenario('selfrequeue-failed-r1').sacct })).toMatchObject({
        terminalStatus: 'failed',
        restarts: 1,
      });
    });
  });

  describe('when sacct shows PREEMPTED but the controller was not asked (real capture: the job is PENDING again)', () => {
    it('should not call it final: the requeued job may be waiting', () => {
      expect(probeSlurmJob({ jobId: '9', sacct: scenario('preempt-pending-r1').sacct })).toMatchObject({
        verdict: 'unknown',
        active: false,
        schedulerState: 'PREEMPTED',
        reason: 'sacct_preempted_may_be_requeued',
      });
    });
  });

  describe('when sacct shows REQUEUED and the controller is down (real capture)', () => {
    it('should not call it final', () => {
      expect(
        probeSlurmJob({
          jobId: '15',
          squeue: controllerDown,
          scontrol: controllerDown,
          sacct: scenario('selfrequeue-pending-r1').sacct,
        }),
      ).toMatchObject({ verdict: 'unknown', reason: 'sacct_requeued_may_be_requeued' });
    });
  });

  describe('when sacct shows PREEMPTED and the controller no longer holds the job', () => {
    it('should call it preempted', () => {
      expect(
        probeSlurmJob({ jobId: '13', scontrol: invalidJobId, sacct: scenario('preempt-norequeue-final').sacct }),
      ).toMatchObject({
        verdict: 'terminal',
        terminalStatus: 'preempted',
        source: 'sacct',
      });
    });
  });

  describe('when squeue without -t all lists nothing for a finished job (real capture)', () => {
    it('should let sacct decide', () => {
      expect(
        probeSlurmJob({
          jobId: '13',
          squeue: slurmResult('preempt-norequeue-final.squeue.txt'),
          sacct: scenario('preempt-norequeue-final').sacct,
        }),
      ).toMatchObject({ verdict: 'terminal', terminalStatus: 'preempted' });
    });
  });

  describe('when the controller is down but slurmdbd answers (real captures)', () => {
    it('should take the final sacct record', () => {
      expect(probeSlurmJob({ jobId: '1', ...scenario('controller-down') })).toMatchObject({
        verdict: 'terminal',
        terminalStatus: 'success',
        source: 'sacct',
        warnings: [expect.stringMatching(/scontrol failed/), expect.stringMatching(/squeue failed/)],
      });
    });
  });

  describe('when sacct shows an active state and the controller is down', () => {
    it('should trust sacct and call it active', () => {
      expect(probeSlurmJob({ jobId: '1', scontrol: controllerDown, sacct: scenario('running').sacct })).toMatchObject({
        verdict: 'active',
        source: 'sacct',
        schedulerState: 'RUNNING',
        warnings: [expect.stringMatching(/scontrol failed \(exit 1\): .*Unable to contact slurm controller/)],
      });
    });
  });

  describe('when sacct shows an active state but the controller does not know the job', () => {
    it('should call it unknown: the accounting record is stale', () => {
      expect(probeSlurmJob({ jobId: '1', scontrol: invalidJobId, sacct: scenario('running').sacct })).toMatchObject({
        verdict: 'unknown',
        reason: 'sacct_stale_job_unknown_to_controller',
      });
    });
  });

  describe('when sacct shows REQUEUED last and the controller does not know the job', () => {
    it('should call it preempted: nobody will run it again', () => {
      expect(probeSlurmJob({ jobId: '7', squeue: invalidJobId, sacct: ok('7|REQUEUED|0:0|None|a|b\n') })).toMatchObject(
        {
          verdict: 'terminal',
          terminalStatus: 'preempted',
          reason: 'scheduler:REQUEUED',
        },
      );
    });
  });

  describe('when sacct shows a state gren does not know', () => {
    it('should call a finished one crashed, as the reference does', () => {
      expect(
        probeSlurmJob({ jobId: '7', sacct: ok('7|REVOKED|0:0|None|2026-01-01T00:00:00|2026-01-01T00:01:00\n') }),
      ).toMatchObject({
        verdict: 'terminal',
        terminalStatus: 'crashed',
        reason: 'job_done_unknown_state',
      });
    });

    it('should call an unfinished one unknown', () => {
      expect(probeSlurmJob({ jobId: '7', sacct: ok('7|REVOKED|0:0|None|Unknown|Unknown\n') })).toMatchObject({
        verdict: 'unknown',
        reason: 'scheduler_state_unrecognised:REVOKED',
      });
    });
  });

  describe('when the controller shows a state gren does not know', () => {
    it('should call it unknown', () => {
      expect(probeSlurmJob({ jobId: '7', squeue: ok('7|REVOKED|None\n') })).toMatchObject({
        verdict: 'unknown',
        source: 'squeue',
        reason: 'scheduler_state_unrecognised:REVOKED',
      });
    });
  });

  describe('when nobody knows the job (real captures for job 999999)', () => {
    it('should call it unknown so that the caller falls back to the lease', () => {
      expect(probeSlurmJob({ jobId: '999999', ...scenario('unknown') })).toEqual({
        jobId: '999999',
        verdict: 'unknown',
        active: false,
        schedulerState: null,
        rawSchedulerState: null,
        schedulerReason: null,
        reason: 'job_unknown_to_scheduler',
        restarts: null,
        exitCode: null,
        source: null,
        warnings: [],
      });
    });
  });

  describe('when no command could be run', () => {
    it('should call it unknown with reason scheduler_unavailable', () => {
      expect(probeSlurmJob({ jobId: '1' })).toMatchObject({ verdict: 'unknown', reason: 'scheduler_unavailable' });
      expect(probeSlurmJob({ jobId: '1', squeue: controllerDown, scontrol: controllerDown })).toMatchObject({
        verdict: 'unknown',
        reason: 'scheduler_unavailable',
      });
    });
  });

  describe('when slurmdbd has no record yet and the controller is down', () => {
    it('should call it unknown', () => {
      expect(
        probeSlurmJob({ jobId: '4', scontrol: controllerDown, sacct: scenario('pending-held').sacct }),
      ).toMatchObject({
        verdict: 'unknown',
        reason: 'scheduler_unavailable',
      });
    });
  });

  describe('when scontrol printed something unreadable', () => {
    it('should warn and use squeue instead', () => {
      const result = probeSlurmJob({ jobId: '1', scontrol: ok('garbage\n'), squeue: scenario('running').squeue });
      expect(result).toMatchObject({ verdict: 'active', source: 'squeue', restarts: null });
      expect(result.warnings).toEqual([expect.stringMatching(/Cannot read the output of `scontrol show job`/)]);
    });
  });

  describe('when squeue and sacct printed something unreadable', () => {
    it('should warn for each and call it unknown', () => {
      const result = probeSlurmJob({ jobId: '1', squeue: ok('what?\n'), sacct: ok('a|b\n') });
      expect(result).toMatchObject({ verdict: 'unknown', reason: 'scheduler_unavailable' });
      expect(result.warnings).toHaveLength(2);
    });
  });

  describe('when sacct itself failed', () => {
    it('should warn and ignore it', () => {
      const result = probeSlurmJob({
        jobId: '1',
        scontrol: scenario('running').scontrol,
        sacct: { ok: false, exitCode: 1, stderr: 'sacct: error: Problem talking to the database: Connection refused' },
      });
      expect(result).toMatchObject({ verdict: 'active', source: 'scontrol' });
      expect(result.warnings).toEqual([expect.stringMatching(/sacct failed \(exit 1\): .*Connection refused/)]);
    });
  });

  describe('when the terminal status is success', () => {
    it('should say so and leave the SUCCESS.json check to the caller', () => {
      const result = probeSlurmJob({ jobId: '1', ...scenario('completed') });
      expect(result.verdict === 'terminal' && result.terminalStatus).toBe('success');
    });
  });
});

describe('isInvalidJobIdMessage', () => {
  describe('when given the real "unknown job" output of squeue and scontrol', () => {
    it('should recognise it', () => {
      const squeue = slurmResult('unknown.squeue-all.txt');
      expect(squeue.ok).toBe(false);
      expect(!squeue.ok && isInvalidJobIdMessage(squeue.stderr)).toBe(true);
    });
  });

  describe('when the controller is unreachable', () => {
    it('should not call that an unknown job', () => {
      expect(isInvalidJobIdMessage('slurm_load_jobs error: Unable to contact slurm controller (connect failure)')).toBe(
        false,
      );
    });
  });
});
