import {
  isSlurmJobId,
  normalizeSchedulerState,
  parseSlurmDuration,
  parseSlurmExitCode,
  parseSlurmReason,
  parseSlurmTime,
} from '../../../../lib/src/executors/slurm/slurm-values';

describe('parseSlurmDuration', () => {
  describe('when given the forms scontrol prints', () => {
    it.each([
      ['00:00:20', 20],
      ['00:01:21', 81],
      ['00:01:00', 60],
      ['365-00:00:00', 365 * 86400],
      ['1-02:03:04', 93784],
    ])('should read %s as %d seconds', (text, seconds) => {
      expect(parseSlurmDuration(text)).toBe(seconds);
    });
  });

  describe('when given the forms --time accepts', () => {
    it.each([
      ['5', 300],
      ['5:30', 330],
      ['2-3', (2 * 24 + 3) * 3600],
      ['2-3:04', (2 * 24 + 3) * 3600 + 240],
    ])('should read %s as %d seconds', (text, seconds) => {
      expect(parseSlurmDuration(text)).toBe(seconds);
    });
  });

  describe('when the duration means "no limit"', () => {
    it.each(['UNLIMITED', 'INFINITE', 'N/A', 'Partition_Limit'])('should give null for %s', (text) => {
      expect(parseSlurmDuration(text)).toBeNull();
    });
  });

  describe('when the text is not a duration', () => {
    it.each(['', 'abc', '1:2:3:4', '-5', '1h'])('should give undefined for %j', (text) => {
      expect(parseSlurmDuration(text)).toBeUndefined();
    });
  });
});

describe('parseSlurmExitCode', () => {
  describe('when given code:signal', () => {
    it('should split code and signal', () => {
      expect(parseSlurmExitCode('3:0')).toEqual({ code: 3, signal: 0 });
      expect(parseSlurmExitCode('0:15')).toEqual({ code: 0, signal: 15 });
    });
  });

  describe('when the text is garbled', () => {
    it('should give undefined', () => {
      expect(parseSlurmExitCode('3')).toBeUndefined();
      expect(parseSlurmExitCode('a:b')).toBeUndefined();
    });
  });
});

describe('parseSlurmTime', () => {
  describe('when SLURM prints no time', () => {
    it.each(['Unknown', 'None', 'N/A', ''])('should give null for %j', (text) => {
      expect(parseSlurmTime(text)).toBeNull();
    });
  });

  describe('when SLURM prints a time', () => {
    it('should keep it as printed', () => {
      expect(parseSlurmTime('2026-11-26T05:35:26')).toBe('2026-11-26T05:35:26');
    });
  });
});

describe('normalizeSchedulerState', () => {
  describe('when sacct appends who cancelled', () => {
    it('should keep the first word', () => {
      expect(normalizeSchedulerState('CANCELLED by 0')).toBe('CANCELLED');
    });
  });

  describe('when sacct marks a truncated state with +', () => {
    it('should drop the mark', () => {
      expect(normalizeSchedulerState('CANCELLED+')).toBe('CANCELLED');
    });
  });

  describe('when the state is lower case or padded', () => {
    it('should upper-case and trim it', () => {
      expect(normalizeSchedulerState('  running ')).toBe('RUNNING');
    });
  });

  describe('when there is no state', () => {
    it('should give null', () => {
      expect(normalizeSchedulerState('')).toBeNull();
      expect(normalizeSchedulerState('   ')).toBeNull();
      expect(normalizeSchedulerState(null)).toBeNull();
      expect(normalizeSchedulerState(undefined)).toBeNull();
    });
  });
});

describe('parseSlurmReason', () => {
  describe('when SLURM prints no reason', () => {
    it('should give null', () => {
      expect(parseSlurmReason('None')).toBeNull();
      expect(parseSlurmReason('(null)')).toBeNull();
      expect(parseSlurmReason(undefined)).toBeNull();
    });
  });

  describe('when the reason has spaces', () => {
    it('should keep it whole', () => {
      expect(parseSlurmReason('job requeued in held state')).toBe('job requeued in held state');
    });
  });
});

describe('isSlurmJobId', () => {
  describe('when given ids sbatch prints', () => {
    it.each(['1', '123456', '12_3', '12+0'])('should accept %s', (id) => {
      expect(isSlurmJobId(id)).toBe(true);
    });
  });

  describe('when given anything else', () => {
    it.each(['', 'abc', '12;cluster', '12.batch', '1 2', '-1', '$(rm)'])('should refuse %j', (id) => {
      expect(isSlurmJobId(id)).toBe(false);
    });
  });
});
