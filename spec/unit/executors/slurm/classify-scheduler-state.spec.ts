import { classifySchedulerState } from '../../../../lib/src/executors/slurm/classify-scheduler-state';

describe('classifySchedulerState', () => {
  describe('when the scheduler still holds the job', () => {
    it.each([
      'PENDING',
      'RUNNING',
      'CONFIGURING',
      'COMPLETING',
      'SUSPENDED',
      'STOPPED',
      'REQUEUED',
      'REQUEUE_HOLD',
      'REQUEUE_FED',
      'RESIZING',
      'STAGE_OUT',
      'SIGNALING',
      'SPECIAL_EXIT',
    ])('should call %s active, not unknown (regression R5)', (state) => {
      expect(classifySchedulerState(state)).toEqual({ kind: 'active', state });
    });
  });

  describe('when the job completed', () => {
    it('should call it success', () => {
      expect(classifySchedulerState('COMPLETED')).toEqual({ kind: 'terminal', state: 'COMPLETED', status: 'success' });
    });
  });

  describe('when the job failed on its own', () => {
    it.each(['FAILED', 'BOOT_FAIL', 'DEADLINE', 'OUT_OF_MEMORY'])('should call %s failed', (state) => {
      expect(classifySchedulerState(state)).toEqual({ kind: 'terminal', state, status: 'failed' });
    });
  });

  describe('when the job ran out of memory', () => {
    it('should call it failed, not crashed', () => {
      expect(classifySchedulerState('OUT_OF_MEMORY')).toMatchObject({ status: 'failed' });
    });
  });

  describe('when the job was stopped from outside and may be retried', () => {
    it.each(['PREEMPTED', 'NODE_FAIL', 'TIMEOUT'])('should call %s preempted', (state) => {
      expect(classifySchedulerState(state)).toEqual({ kind: 'terminal', state, status: 'preempted' });
    });
  });

  describe('when sacct says "CANCELLED by 0"', () => {
    it('should match on the first word', () => {
      expect(classifySchedulerState('CANCELLED by 0')).toEqual({
        kind: 'terminal',
        state: 'CANCELLED',
        status: 'failed',
      });
    });
  });

  describe('when a job was cancelled and cancelledIsPreempted is off', () => {
    it('should call it failed, as the reference does', () => {
      expect(classifySchedulerState('CANCELLED', { cancelledIsPreempted: false })).toMatchObject({ status: 'failed' });
    });
  });

  describe('when a job was cancelled and cancelledIsPreempted is on', () => {
    it('should call it preempted', () => {
      expect(classifySchedulerState('CANCELLED by 1000', { cancelledIsPreempted: true })).toMatchObject({
        status: 'preempted',
      });
    });
  });

  describe('when the state never yields cancelled', () => {
    it('should keep cancelled for cancels gren requests itself', () => {
      const statuses = ['CANCELLED', 'CANCELLED by 0'].flatMap((state) =>
        [true, false].map((flag) => classifySchedulerState(state, { cancelledIsPreempted: flag })),
      );
      expect(statuses.map((s) => (s.kind === 'terminal' ? s.status : s.kind))).not.toContain('cancelled');
    });
  });

  describe('when the state is lower case, padded or marked truncated', () => {
    it('should normalize it first', () => {
      expect(classifySchedulerState(' running ')).toEqual({ kind: 'active', state: 'RUNNING' });
      expect(classifySchedulerState('CANCELLED+')).toMatchObject({ state: 'CANCELLED', status: 'failed' });
    });
  });

  describe('when an unknown state mentions FAIL or ERROR', () => {
    it('should call it failed, as the reference does', () => {
      expect(classifySchedulerState('LAUNCH_FAILED')).toMatchObject({ kind: 'terminal', status: 'failed' });
      expect(classifySchedulerState('SOME_ERROR')).toMatchObject({ kind: 'terminal', status: 'failed' });
    });
  });

  describe('when the state is not one gren knows', () => {
    it('should call it unknown and keep the state', () => {
      expect(classifySchedulerState('REVOKED')).toEqual({ kind: 'unknown', state: 'REVOKED' });
    });
  });

  describe('when there is no state', () => {
    it('should call it unknown', () => {
      expect(classifySchedulerState('')).toEqual({ kind: 'unknown', state: null });
      expect(classifySchedulerState(null)).toEqual({ kind: 'unknown', state: null });
      expect(classifySchedulerState(undefined)).toEqual({ kind: 'unknown', state: null });
    });
  });
});
