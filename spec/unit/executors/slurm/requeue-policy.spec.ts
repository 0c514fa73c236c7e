import { decideRequeue } from '../../../../lib/src/executors/slurm/requeue-policy';

describe('decideRequeue', () => {
  describe('when requeues are left', () => {
    it('should requeue', () => {
      expect(decideRequeue({ restartCount: 0, maxRequeues: 5, requeueEnabled: true })).toEqual({
        action: 'requeue',
        nextRestartCount: 1,
      });
      expect(decideRequeue({ restartCount: 4, maxRequeues: 5, requeueEnabled: true })).toEqual({
        action: 'requeue',
        nextRestartCount: 5,
      });
    });
  });

  describe('when GREN_PREEMPT_MAX requeues already happened', () => {
    it('should stop', () => {
      expect(decideRequeue({ restartCount: 5, maxRequeues: 5, requeueEnabled: true })).toEqual({
        action: 'stop',
        reason: 'preempt_max_reached',
      });
      expect(decideRequeue({ restartCount: 0, maxRequeues: 0, requeueEnabled: true })).toEqual({
        action: 'stop',
        reason: 'preempt_max_reached',
      });
    });
  });

  describe('when the job was submitted with requeue off', () => {
    it('should stop', () => {
      expect(decideRequeue({ restartCount: 0, maxRequeues: 5, requeueEnabled: false })).toEqual({
        action: 'stop',
        reason: 'requeue_disabled',
      });
    });
  });
});
