import {
  resolveSlurmOptions,
  toSbatchFlag,
  type SlurmOptions,
} from '../../../../lib/src/executors/slurm/slurm-options';
import { expectSlurmError } from './slurm-fixtures';

/** Options as untyped JavaScript callers may pass them. */
const loose = (options: Record<string, unknown>): SlurmOptions => options;

describe('resolveSlurmOptions', () => {
  describe('when no options are given', () => {
    it('should leave resources to the cluster, signal 90 s early and requeue', () => {
      expect(resolveSlurmOptions()).toEqual({
        partition: null,
        timeMin: null,
        cpusPerTask: null,
        memGb: null,
        gpusPerNode: null,
        account: null,
        qos: null,
        additionalParameters: [],
        signalDelaySec: 90,
        jobName: 'gren',
        requeue: true,
      });
    });
  });

  describe('when every option is given', () => {
    it('should keep them', () => {
      expect(
        resolveSlurmOptions({
          partition: 'gpu,debug',
          timeMin: 120,
          cpusPerTask: 8,
          memGb: 1.5,
          gpusPerNode: 2,
          account: 'proj-1',
          qos: 'high',
          additionalParameters: { constraint: 'v100', mailType: 'END', exclusive: true, nice: 10, hint: false },
          signalDelaySec: 300,
          jobName: 'train model',
          requeue: false,
        }),
      ).toEqual({
        partition: 'gpu,debug',
        timeMin: 120,
        cpusPerTask: 8,
        memGb: 1.5,
        gpusPerNode: 2,
        account: 'proj-1',
        qos: 'high',
        additionalParameters: [
          ['constraint', 'v100'],
          ['mail-type', 'END'],
          ['exclusive', true],
          ['nice', '10'],
        ],
        signalDelaySec: 300,
        jobName: 'train model',
        requeue: false,
      });
    });
  });

  describe('when signalDelaySec is null', () => {
    it('should send no pre-timeout signal', () => {
      expect(resolveSlurmOptions({ signalDelaySec: null }).signalDelaySec).toBeNull();
    });
  });

  describe('when the time limit is shorter than the default signal delay', () => {
    it('should signal half-way instead of at once', () => {
      expect(resolveSlurmOptions({ timeMin: 1 }).signalDelaySec).toBe(30);
      expect(resolveSlurmOptions({ timeMin: 2 }).signalDelaySec).toBe(90);
    });
  });

  describe('when signalDelaySec is not shorter than the time limit', () => {
    it('should throw a SlurmError naming both options and the fix', () => {
      expectSlurmError(
        () => resolveSlurmOptions({ timeMin: 1, signalDelaySec: 60 }),
        /"signalDelaySec" = 60/,
        /timeMin 1 = 60 s/,
        /lower signalDelaySec or raise timeMin/,
      );
    });
  });

  describe('when signalDelaySec is out of range', () => {
    it.each([0, -5, 1.5, 65536, '90'])('should throw a SlurmError for %j', (value) => {
      expectSlurmError(
        () => resolveSlurmOptions(loose({ signalDelaySec: value })),
        /"signalDelaySec"/,
        /1 to 65535, or null/,
      );
    });
  });

  describe('when a count is not a whole number in range', () => {
    it.each([
      ['timeMin', 0, /at least 1/],
      ['timeMin', 2.5, /whole number of minutes/],
      ['cpusPerTask', 0, /at least 1/],
      ['gpusPerNode', -1, /at least 0/],
      ['cpusPerTask', '4', /whole number/],
    ])('should throw a SlurmError for %s = %j', (option, value, message) => {
      expectSlurmError(() => resolveSlurmOptions(loose({ [option]: value })), `"${option}"`, message);
    });
  });

  describe('when memGb is not a positive number', () => {
    it.each([0, -1, Number.NaN, Infinity, '4G'])('should throw a SlurmError for %j', (value) => {
      expectSlurmError(() => resolveSlurmOptions(loose({ memGb: value })), /"memGb"/, /positive number of GB/);
    });
  });

  describe('when a name has spaces or quotes', () => {
    it.each([
      ['partition', 'de bug'],
      ['account', "o'brien"],
      ['qos', ''],
      ['partition', 5],
    ])('should throw a SlurmError for %s = %j', (option, value) => {
      expectSlurmError(
        () => resolveSlurmOptions(loose({ [option]: value })),
        `"${option}"`,
        /without spaces, quotes or backslashes/,
      );
    });
  });

  describe('when jobName is empty or has a line break', () => {
    it.each(['', '  ', 'a\nb', 7])('should throw a SlurmError for %j', (value) => {
      expectSlurmError(() => resolveSlurmOptions(loose({ jobName: value })), /"jobName"/, /single line/);
    });
  });

  describe('when jobName has spaces and quotes', () => {
    it('should accept it (the script quotes it)', () => {
      expect(resolveSlurmOptions({ jobName: `my "job" 'x' 5%` }).jobName).toBe(`my "job" 'x' 5%`);
    });
  });

  describe('when requeue is not a boolean', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(() => resolveSlurmOptions(loose({ requeue: 'yes' })), /"requeue"/, /true or false/);
    });
  });

  describe('when an option name is misspelled', () => {
    it('should throw a SlurmError suggesting the right one and listing all', () => {
      const error = expectSlurmError(
        () => resolveSlurmOptions(loose({ cpus_per_task: 4 })),
        /no option "cpus_per_task"/,
        /Did you mean "cpusPerTask"\?/,
        /partition, timeMin/,
        /additionalParameters/,
      );
      expect(error.code).toBe('SLURM_UNKNOWN_OPTION');
    });
  });

  describe('when options is not an object', () => {
    it('should throw a SlurmError', () => {
      expectSlurmError(
        () => resolveSlurmOptions(loose(['debug'] as unknown as Record<string, unknown>)),
        /plain object/,
      );
    });
  });

  describe('when additionalParameters sets an option gren manages', () => {
    it.each([
      ['partition', /use the "partition" option/],
      ['time', /use the "timeMin" option/],
      ['cpus_per_task', /use the "cpusPerTask" option/],
      ['signal', /use the "signalDelaySec" option/],
      ['noRequeue', /use the "requeue" option/],
      ['output', /log folder/],
      ['openMode', /survive a requeue/],
      ['array', /one job per artifact/],
    ])('should throw a SlurmError for %s', (key, fix) => {
      expectSlurmError(
        () => resolveSlurmOptions({ additionalParameters: { [key]: 'x' } }),
        `"additionalParameters.${key}"`,
        /managed by gren/,
        fix,
      );
    });
  });

  describe('when additionalParameters has a short or malformed key', () => {
    it.each(['C', '--constraint', 'mail type', '9lives'])('should throw a SlurmError for %j', (key) => {
      expectSlurmError(() => resolveSlurmOptions({ additionalParameters: { [key]: 'x' } }), /long sbatch option names/);
    });
  });

  describe('when an additionalParameters value cannot be a directive', () => {
    it.each([
      ['', ''],
      ['line', 'a\nb'],
      ['nan', Number.NaN],
      ['obj', {}],
    ])('should throw a SlurmError for %s', (_, value) => {
      expectSlurmError(
        () => resolveSlurmOptions(loose({ additionalParameters: { constraint: value } })),
        /"additionalParameters.constraint"/,
        /single-line string, a finite number, or a boolean/,
      );
    });
  });

  describe('when additionalParameters is not an object', () => {
    it('should throw a SlurmError with an example', () => {
      expectSlurmError(() => resolveSlurmOptions(loose({ additionalParameters: '--exclusive' })), /constraint: "v100"/);
    });
  });
});

describe('toSbatchFlag', () => {
  describe('when given camelCase, snake_case or kebab-case', () => {
    it('should give the kebab-case flag', () => {
      expect(toSbatchFlag('mailType')).toBe('mail-type');
      expect(toSbatchFlag('mail_type')).toBe('mail-type');
      expect(toSbatchFlag('mail-type')).toBe('mail-type');
      expect(toSbatchFlag('gpusPerNode')).toBe('gpus-per-node');
    });
  });
});
