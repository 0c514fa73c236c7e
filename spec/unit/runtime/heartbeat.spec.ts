import { startHeartbeat } from '../../../lib/src/runtime/heartbeat';

describe('startHeartbeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  describe('when every beat renews the attempt', () => {
    it('should beat once per interval until stopped', async () => {
      const beat = jest.fn(() => Promise.resolve(true));
      const onLost = jest.fn();
      const onFailed = jest.fn();
      const stop = startHeartbeat(2, beat, { lost: onLost, failed: onFailed });

      await jest.advanceTimersByTimeAsync(1_999);
      expect(beat).toHaveBeenCalledTimes(0);
      await jest.advanceTimersByTimeAsync(4_001);
      expect(beat).toHaveBeenCalledTimes(3);
      stop();
      await jest.advanceTimersByTimeAsync(10_000);

      expect(beat).toHaveBeenCalledTimes(3);
      expect(onLost).not.toHaveBeenCalled();
    });
  });

  describe('when a beat finds the attempt is no longer ours', () => {
    it('should report it once and stop beating', async () => {
      const answers = [true, false];
      const beat = jest.fn(() => Promise.resolve(answers.shift() ?? true));
      const onLost = jest.fn();
      const onFailed = jest.fn();
      startHeartbeat(1, beat, { lost: onLost, failed: onFailed });

      await jest.advanceTimersByTimeAsync(10_000);

      expect(beat).toHaveBeenCalledTimes(2);
      expect(onLost).toHaveBeenCalledTimes(1);
      expect(onFailed).not.toHaveBeenCalled();
    });
  });

  describe('when a beat fails', () => {
    it('should report the failure, not a lost attempt, and keep beating', async () => {
      let calls = 0;
      const beat = jest.fn(() => (++calls === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve(true)));
      const onLost = jest.fn();
      const onFailed = jest.fn();
      const stop = startHeartbeat(1, beat, { lost: onLost, failed: onFailed });

      await jest.advanceTimersByTimeAsync(3_000);
      stop();

      expect(onFailed).toHaveBeenCalledWith(new Error('disk full'));
      expect(onLost).not.toHaveBeenCalled();
      expect(beat).toHaveBeenCalledTimes(3);
    });
  });

  describe('when stopped while a beat is in flight', () => {
    it('should neither report nor reschedule', async () => {
      let resolve: (ours: boolean) => void = () => undefined;
      const beat = jest.fn(() => new Promise<boolean>((done) => (resolve = done)));
      const onLost = jest.fn();
      const onFailed = jest.fn();
      const stop = startHeartbeat(1, beat, { lost: onLost, failed: onFailed });
      await jest.advanceTimersByTimeAsync(1_000);

      stop();
      resolve(false);
      await jest.advanceTimersByTimeAsync(5_000);

      expect(beat).toHaveBeenCalledTimes(1);
      expect(onLost).not.toHaveBeenCalled();
    });
  });
});

describe('startHeartbeat with a renewal that stalls', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  describe('when a beat waits longer than the interval (a lock held up on a network store)', () => {
    it('should keep its cadence, skip beats while that one waits, and never run two at once', async () => {
      let finish: (ours: boolean) => void = () => undefined;
      let running = 0;
      let mostAtOnce = 0;
      const beat = jest.fn(() => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        return new Promise<boolean>((done) => (finish = done)).finally(() => (running -= 1));
      });
      const onFailed = jest.fn();
      const stop = startHeartbeat(1, beat, { lost: jest.fn(), failed: onFailed });

      await jest.advanceTimersByTimeAsync(3_500);
      expect(beat).toHaveBeenCalledTimes(1);
      expect(onFailed).toHaveBeenCalledTimes(2);
      finish(true);
      await jest.advanceTimersByTimeAsync(1_000);
      stop();

      expect(beat).toHaveBeenCalledTimes(2);
      expect(mostAtOnce).toBe(1);
    });
  });
});
