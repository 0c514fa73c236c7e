import { defaultState, type GrenState } from 'gren-ts';
import {
  finishFailed,
  finishStopped,
  finishSuccess,
  invalidate,
  markRunning,
  mergeScheduler,
  renewLease,
  startAttempt,
} from '../../../lib/src/storage/transitions';
import { activeState, at, owner, T0 } from './state-samples';

const ID = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const boom = { type: 'RangeError', message: 'boom', traceback: 'RangeError: boom\n    at x.ts:1:1' };

describe('state transitions', () => {
  describe('when an attempt starts', () => {
    it('should record a running attempt with lease times to the second, mark the result incomplete and write attempt_started', () => {
      const transition = startAttempt(
        defaultState(),
        { id: ID, status: 'running', backend: 'local', leaseSec: 120, owner: owner() },
        T0,
      );

      expect(transition.state.result).toEqual({ status: 'incomplete' });
      expect(transition.state.attempt).toEqual({
        id: ID,
        number: 1,
        backend: 'local',
        status: 'running',
        started_at: '2026-11-26T04:19:13+00:00',
        heartbeat_at: '2026-11-26T04:19:13+00:00',
        lease_duration_sec: 120,
        lease_expires_at: '2026-11-26T04:21:13+00:00',
        owner: owner(),
        scheduler: {},
      });
      expect(transition.events).toEqual([
        { type: 'attempt_started', attempt_id: ID, backend: 'local', status: 'running' },
      ]);
    });

    it('should number the attempt after the previous one and drop an earlier success result', () => {
      const succeeded = finishSuccess(activeState(), ID, at(5))!.state;

      const transition = startAttempt(
        succeeded,
        { id: OTHER, status: 'queued', backend: 'slurm', leaseSec: 60, owner: owner(), scheduler: { job_id: '17' } },
        at(10),
      );

      expect(transition.state.attempt).toMatchObject({
        id: OTHER,
        number: 2,
        status: 'queued',
        backend: 'slurm',
        scheduler: { job_id: '17' },
      });
      expect(transition.state.result).toEqual({ status: 'incomplete' });
      expect(transition.events).toEqual([
        { type: 'attempt_started', attempt_id: OTHER, backend: 'slurm', status: 'queued' },
      ]);
    });

    it('should truncate a sub-second lease so that it is already expired when written', () => {
      const transition = startAttempt(
        defaultState(),
        { id: ID, status: 'running', backend: 'local', leaseSec: 0.5, owner: owner() },
        T0,
      );

      expect(transition.state.attempt?.lease_expires_at).toBe('2026-11-26T04:19:13+00:00');
    });
  });

  describe('when the attempt finishes with success', () => {
    it('should set attempt and result to success and write attempt_finished', () => {
      const transition = finishSuccess(activeState(), ID, at(30));

      expect(transition?.state.result).toEqual({ status: 'success', created_at: '2026-11-26T04:19:43+00:00' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'success',
        ended_at: '2026-11-26T04:19:43+00:00',
        reason: null,
      });
      expect(transition?.events).toEqual([{ type: 'attempt_finished', attempt_id: ID, status: 'success' }]);
    });
  });

  describe('when the attempt finishes with a failure', () => {
    it('should record the error, set the result to failed and write attempt_finished', () => {
      const transition = finishFailed(activeState(), ID, boom, at(1));

      expect(transition?.state.result).toEqual({ status: 'failed' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'failed',
        ended_at: '2026-11-26T04:19:14+00:00',
        error: boom,
        reason: null,
      });
      expect(transition?.events).toEqual([{ type: 'attempt_finished', attempt_id: ID, status: 'failed' }]);
    });

    it('should put a reason into the attempt and the event', () => {
      const transition = finishFailed(activeState(), ID, boom, at(1), 'metadata_failed');

      expect(transition?.state.attempt).toMatchObject({ reason: 'metadata_failed' });
      expect(transition?.events).toEqual([
        { type: 'attempt_finished', attempt_id: ID, status: 'failed', reason: 'metadata_failed' },
      ]);
    });
  });

  describe('when the attempt is stopped', () => {
    it.each(['preempted', 'cancelled', 'crashed'] as const)(
      'should record %s, leave the result incomplete and write attempt_finished',
      (status) => {
        const error = status === 'preempted' ? { type: 'signal', message: 'signal:15', traceback: null } : null;

        const transition = finishStopped(
          activeState(),
          ID,
          status,
          error,
          status === 'crashed' ? 'pid_dead' : null,
          at(2),
          { scheduler_state: 'X' },
        );

        expect(transition?.state.result).toEqual({ status: 'incomplete' });
        expect(transition?.state.attempt).toMatchObject({
          status,
          error,
          ended_at: '2026-11-26T04:19:15+00:00',
          scheduler: { scheduler_state: 'X' },
        });
        expect(transition?.events).toEqual([
          { type: 'attempt_finished', attempt_id: ID, status, ...(status === 'crashed' ? { reason: 'pid_dead' } : {}) },
        ]);
      },
    );
  });

  describe('when a process finishes an attempt that is no longer its own', () => {
    const newer: GrenState = activeState({ id: OTHER });
    const ended: GrenState = finishSuccess(activeState(), ID, at(1))!.state;

    it.each([
      ['success', () => finishSuccess(newer, ID, at(9))],
      ['failed', () => finishFailed(newer, ID, boom, at(9))],
      ['preempted', () => finishStopped(newer, ID, 'preempted', null, null, at(9))],
    ])('should change nothing when finishing as %s over a newer attempt', (_status, finish) => {
      expect(finish()).toBeUndefined();
    });

    it('should change nothing when the own attempt already ended', () => {
      expect(finishFailed(ended, ID, boom, at(9))).toBeUndefined();
      expect(finishSuccess(ended, ID, at(9))).toBeUndefined();
    });
  });

  describe('when the lease is renewed', () => {
    it('should move heartbeat and lease forward without an event', () => {
      const transition = renewLease(activeState(), ID, 60, at(40));

      expect(transition?.state.attempt).toMatchObject({
        heartbeat_at: '2026-11-26T04:19:53+00:00',
        lease_duration_sec: 60,
        lease_expires_at: '2026-11-26T04:20:53+00:00',
        started_at: '2026-11-26T04:19:13+00:00',
      });
      expect(transition?.events).toEqual([]);
    });

    it('should return undefined for a foreign attempt', () => {
      expect(renewLease(activeState({ id: OTHER }), ID, 60, at(40))).toBeUndefined();
    });

    it('should return undefined once the attempt ended', () => {
      const crashed = finishStopped(activeState(), ID, 'crashed', null, 'lease_expired', at(1))!.state;

      expect(renewLease(crashed, ID, 60, at(40))).toBeUndefined();
    });
  });

  describe('when a worker picks up its queued attempt', () => {
    it('should turn it running with the worker as owner and write attempt_running', () => {
      const queued = activeState({ status: 'queued', backend: 'slurm' });
      const worker = owner({ pid: 99, host: 'node7', hostname: 'node7' });

      const transition = markRunning(queued, ID, worker, { job_id: '5' }, 30, at(3));

      expect(transition?.state.attempt).toMatchObject({
        status: 'running',
        owner: worker,
        scheduler: { job_id: '5' },
        lease_expires_at: '2026-11-26T04:19:46+00:00',
      });
      expect(transition?.events).toEqual([{ type: 'attempt_running', attempt_id: ID, backend: 'slurm' }]);
    });

    it('should refuse an attempt id that is not the current one', () => {
      expect(markRunning(activeState({ status: 'queued' }), OTHER, owner(), {}, 30, at(3))).toBeUndefined();
    });
  });

  describe('when scheduler facts are merged', () => {
    it('should merge into the matching attempt only', () => {
      const state = activeState();

      expect(mergeScheduler(state, ID, { job_id: '12' })?.state.attempt?.scheduler).toEqual({ job_id: '12' });
      expect(mergeScheduler(state, OTHER, { job_id: '12' })).toBeUndefined();
    });
  });

  describe('when a successful result is invalidated', () => {
    it('should make the result absent, keep the attempt and write result_invalidated with the reason', () => {
      const succeeded = finishSuccess(activeState(), ID, at(1))!.state;

      const transition = invalidate(succeeded, '_validate returned false', at(60));

      expect(transition.state.result).toEqual({ status: 'absent' });
      expect(transition.state.attempt).toEqual(succeeded.attempt);
      expect(transition.events).toEqual([
        { type: 'result_invalidated', reason: '_validate returned false', at: '2026-11-26T04:20:13+00:00' },
      ]);
    });
  });
});
