import type { GrenState, SchedulerProbe } from 'gren-ts';
import { reconcile, type ReconcileFacts } from '../../../lib/src/storage/reconcile';
import { finishSuccess } from '../../../lib/src/storage/transitions';
import { activeState, at, attemptOf, owner } from './state-samples';

const ID = 'a'.repeat(32);

function facts(overrides: Partial<ReconcileFacts> = {}): ReconcileFacts {
  return {
    now: at(10),
    hostname: 'this-host',
    successMarkerAttempt: undefined,
    isPidAlive: () => true,
    probe: undefined,
    staleAfterSec: 1800,
    ...overrides,
  };
}

const otherHost = owner({ host: 'node-b', hostname: 'node-b' });

describe('reconcile', () => {
  describe('when there is no active attempt', () => {
    it('should change nothing for the default state or an ended attempt', () => {
      const ended = finishSuccess(activeState(), ID, at(1))!.state;

      expect(
        reconcile({ schema_version: 1, result: { status: 'absent' }, attempt: null, updated_at: null }, facts()),
      ).toBeUndefined();
      expect(reconcile(ended, facts({ isPidAlive: () => false, now: at(10_000) }))).toBeUndefined();
    });
  });

  describe('when SUCCESS.json exists', () => {
    it('should promote the attempt whose id the marker names to success, with an event', () => {
      const transition = reconcile(activeState(), facts({ successMarkerAttempt: ID, isPidAlive: () => false }));

      expect(transition?.state.result).toEqual({ status: 'success', created_at: '2026-11-26T04:19:23+00:00' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'success',
        ended_at: '2026-11-26T04:19:23+00:00',
        reason: null,
      });
      expect(transition?.events).toEqual([{ type: 'attempt_finished', attempt_id: ID, status: 'success' }]);
    });

    it('should ignore a marker left by another attempt and judge the current one on its own', () => {
      const stale = 'c'.repeat(32);

      expect(reconcile(activeState(), facts({ successMarkerAttempt: stale }))).toBeUndefined();
      expect(
        reconcile(activeState(), facts({ successMarkerAttempt: stale, isPidAlive: () => false }))?.state.attempt,
      ).toMatchObject({ status: 'crashed', reason: 'pid_dead' });
    });
  });

  describe('when a local attempt runs on this host', () => {
    it('should declare a dead pid crashed with reason pid_dead and write attempt_finished', () => {
      const alive = jest.fn(() => false);

      const transition = reconcile(activeState(), facts({ isPidAlive: alive }));

      expect(alive).toHaveBeenCalledWith(4242);
      expect(transition?.state.result).toEqual({ status: 'incomplete' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'crashed',
        reason: 'pid_dead',
        error: null,
        ended_at: '2026-11-26T04:19:23+00:00',
      });
      expect(transition?.events).toEqual([
        { type: 'attempt_finished', attempt_id: ID, status: 'crashed', reason: 'pid_dead' },
      ]);
    });

    it('should leave a live pid alone while its lease runs', () => {
      expect(reconcile(activeState(), facts({ now: at(119) }))).toBeUndefined();
    });

    it('should judge a live pid by its lease once it expired', () => {
      const transition = reconcile(activeState(), facts({ now: at(121) }));

      expect(transition?.state.attempt).toMatchObject({ status: 'crashed', reason: 'lease_expired' });
      expect(transition?.events).toEqual([
        { type: 'attempt_finished', attempt_id: ID, status: 'crashed', reason: 'lease_expired' },
      ]);
    });
  });

  describe('when the attempt runs on another host', () => {
    it('should not probe the pid here and keep an unexpired lease alive', () => {
      const alive = jest.fn(() => false);

      expect(reconcile(activeState({ owner: otherHost }), facts({ isPidAlive: alive, now: at(60) }))).toBeUndefined();
      expect(alive).not.toHaveBeenCalled();
    });

    it('should declare a lease expired for longer than the grace crashed with reason lease_expired', () => {
      const transition = reconcile(activeState({ owner: otherHost }), facts({ now: at(130) }));

      expect(transition?.state.attempt).toMatchObject({ status: 'crashed', reason: 'lease_expired' });
    });

    it("should keep a lease that ended less than the grace ago by this host's clock (the clocks may differ)", () => {
      expect(reconcile(activeState({ owner: otherHost }), facts({ now: at(129) }))).toBeUndefined();
    });

    it('should give a short lease half its length as grace', () => {
      const short = activeState({ owner: otherHost, leaseSec: 4, start: at(0) });

      expect(reconcile(short, facts({ now: at(5) }))).toBeUndefined();
      expect(reconcile(short, facts({ now: at(6) }))?.state.attempt).toMatchObject({ reason: 'lease_expired' });
    });

    it('should treat a lease time it cannot parse as expired', () => {
      const state = activeState({ owner: otherHost });
      const broken: GrenState = { ...state, attempt: { ...attemptOf(state), lease_expires_at: 'soon' } };

      expect(reconcile(broken, facts())?.state.attempt).toMatchObject({ status: 'crashed', reason: 'lease_expired' });
    });
  });

  describe('when the attempt is queued with a scheduler', () => {
    const queued = activeState({ status: 'queued', backend: 'slurm', leaseSec: 120 });

    it('should keep it alive while the probe says the scheduler holds the job, even long past the lease', () => {
      expect(
        reconcile(queued, facts({ now: at(100_000), probe: { active: true, schedulerState: 'PENDING' } })),
      ).toBeUndefined();
    });

    it('should keep it alive without a probe until GREN_STALE_AFTER_SECS, although the lease ran out', () => {
      expect(reconcile(queued, facts({ now: at(1799), staleAfterSec: 1800 }))).toBeUndefined();
    });

    it('should declare it crashed with reason queued_too_long after GREN_STALE_AFTER_SECS without a probe', () => {
      const transition = reconcile(queued, facts({ now: at(1800), staleAfterSec: 1800 }));

      expect(transition?.state.attempt).toMatchObject({ status: 'crashed', reason: 'queued_too_long' });
      expect(transition?.events).toEqual([
        { type: 'attempt_finished', attempt_id: ID, status: 'crashed', reason: 'queued_too_long' },
      ]);
    });

    it('should fall back to the lease when a probe answered but knows nothing decisive', () => {
      expect(reconcile(queued, facts({ now: at(121), probe: { active: false } }))?.state.attempt).toMatchObject({
        status: 'crashed',
        reason: 'lease_expired',
      });
    });
  });

  describe('when the probe reports a terminal status', () => {
    const queued = activeState({ status: 'queued', backend: 'slurm' });

    it('should record failed with a GrenComputeError, a failed result and the scheduler facts', () => {
      const probe: SchedulerProbe = {
        active: false,
        terminalStatus: 'failed',
        schedulerState: 'FAILED',
        reason: 'scheduler:FAILED',
      };

      const transition = reconcile(queued, facts({ probe }));

      expect(transition?.state.result).toEqual({ status: 'failed' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'failed',
        error: { type: 'GrenComputeError', message: 'scheduler:FAILED', traceback: null },
        reason: 'scheduler:FAILED',
        scheduler: { scheduler_state: 'FAILED', reason: 'scheduler:FAILED' },
      });
      expect(transition?.events).toEqual([
        { type: 'attempt_finished', attempt_id: ID, status: 'failed', reason: 'scheduler:FAILED' },
      ]);
    });

    it.each(['preempted', 'cancelled', 'crashed'] as const)(
      'should record %s with the probe reason, no error and an incomplete result',
      (status) => {
        const probe: SchedulerProbe = {
          active: false,
          terminalStatus: status,
          schedulerState: status.toUpperCase(),
          reason: `scheduler:${status.toUpperCase()}`,
        };

        const transition = reconcile(queued, facts({ probe }));

        expect(transition?.state.result).toEqual({ status: 'incomplete' });
        expect(transition?.state.attempt).toMatchObject({
          status,
          error: null,
          reason: `scheduler:${status.toUpperCase()}`,
          scheduler: { scheduler_state: status.toUpperCase(), reason: `scheduler:${status.toUpperCase()}` },
        });
        expect(transition?.events).toEqual([
          { type: 'attempt_finished', attempt_id: ID, status, reason: `scheduler:${status.toUpperCase()}` },
        ]);
      },
    );

    it('should default the reason to scheduler_terminal', () => {
      expect(
        reconcile(queued, facts({ probe: { active: false, terminalStatus: 'preempted' } }))?.state.attempt,
      ).toMatchObject({ reason: 'scheduler_terminal' });
    });

    it('should turn a scheduler success without SUCCESS.json into crashed', () => {
      const transition = reconcile(
        queued,
        facts({ probe: { active: false, terminalStatus: 'success', schedulerState: 'COMPLETED' } }),
      );

      expect(transition?.state.result).toEqual({ status: 'incomplete' });
      expect(transition?.state.attempt).toMatchObject({
        status: 'crashed',
        reason: 'scheduler_success_no_success_marker',
        scheduler: { scheduler_state: 'COMPLETED' },
      });
    });

    it('should prefer SUCCESS.json of this attempt over the probe', () => {
      const transition = reconcile(
        queued,
        facts({ successMarkerAttempt: ID, probe: { active: false, terminalStatus: 'failed' } }),
      );

      expect(transition?.state.result.status).toBe('success');
    });
  });
});
