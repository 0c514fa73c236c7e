import { execFileSync } from 'node:child_process';
import {
  sbatchDirectiveValue,
  sbatchFilenameDirectory,
  shellQuote,
} from '../../../../lib/src/executors/slurm/shell-quote';
import { expectSlurmError } from './slurm-fixtures';

const NASTY = [
  '',
  'plain',
  'with space',
  "it's",
  "''",
  '"double"',
  '$HOME `id` $(id) \\ !event *?[a]',
  'line\nbreak\ttab',
  '--flag=-x',
  '%j 100%',
  'ünïcødé ✓',
];

describe('shellQuote', () => {
  describe('when bash reads the quoted word (real bash)', () => {
    it.each(NASTY)('should give back exactly %j', (value) => {
      const printed = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(printed).toBe(value);
    });
  });

  describe('when the value holds a NUL', () => {
    it('should throw a SlurmError naming what was quoted', () => {
      expectSlurmError(() => shellQuote('a\u0000b', 'command[1]'), /command\[1\]/, /NUL/);
    });
  });
});

describe('sbatchDirectiveValue', () => {
  describe('when the value has quotes and backslashes', () => {
    it('should double-quote it and escape " and \\ as sbatch reads them', () => {
      expect(sbatchDirectiveValue(`my "job" 'x' back\\slash`)).toBe(`"my \\"job\\" 'x' back\\\\slash"`);
    });
  });

  describe('when the value has a line break or control character', () => {
    it.each(['a\nb', 'a\rb', 'a\u0007b'])('should throw a SlurmError for %j', (value) => {
      expectSlurmError(() => sbatchDirectiveValue(value, 'jobName'), /jobName/, /line break or control character/);
    });
  });
});

describe('sbatchFilenameDirectory', () => {
  describe('when the directory has a %', () => {
    it('should double it so slurmd keeps it literal', () => {
      expect(sbatchFilenameDirectory('/data/100% done/')).toBe('/data/100%% done/');
    });
  });

  describe('when the directory has a backslash', () => {
    it('should throw a SlurmError explaining that slurmd would ignore %j', () => {
      expectSlurmError(() => sbatchFilenameDirectory('/data/a\\b/'), /backslash/, /%j/, /GREN_PATH/);
    });
  });
});
