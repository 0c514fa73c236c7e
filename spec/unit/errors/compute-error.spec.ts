import * as path from 'node:path';
import { GrenComputeError, GrenConfigError, renderError } from 'gren-ts';
import { isCallerFrame } from '../../../lib/src/errors/stack-frames';

const LEAF = { namespace: 'demo.Leaf', hash: 'aaaaaaaaaaaaaaaaaaaa' };
const MIDDLE = { namespace: 'demo.Middle', hash: 'bbbbbbbbbbbbbbbbbbbb' };
const TOP = { namespace: 'demo.Top', hash: 'cccccccccccccccccccc' };
const GREN_FILE = path.resolve(__dirname, '..', '..', '..', 'lib', 'src', 'runtime', 'run-attempt.ts');

/** The errors three nested computations throw, as runAttempt builds them. */
function nestedFailure(original: Error): GrenComputeError {
  const leaf = GrenComputeError.createFailed(original, '/s/Leaf/state.json', LEAF);
  const middle = GrenComputeError.createFailed(leaf, '/s/Middle/state.json', MIDDLE);
  return GrenComputeError.createFailed(middle, '/s/Top/state.json', TOP);
}

describe('GrenComputeError', () => {
  describe("when a dependency's failure fails its parent, twice", () => {
    const original = new RangeError('boom');
    const error = nestedFailure(original);

    it('should say it once: the reason, each config with its hash, the original error, the state file where it began', () => {
      expect(error.message).toBe(
        'Computation failed: boom\n' +
          '  in demo.Leaf aaaaaaaaaaaaaaaaaaaa\n' +
          '  needed by demo.Middle bbbbbbbbbbbbbbbbbbbb\n' +
          '  needed by demo.Top cccccccccccccccccccc\n\n' +
          'Original error: RangeError: boom\n\n' +
          'State file: /s/Leaf/state.json',
      );
    });

    it('should keep the original error as cause, and its own state file as statePath', () => {
      expect(error.cause).toBe(original);
      expect(error.statePath).toBe('/s/Top/state.json');
      expect(error.failedStatePath).toBe('/s/Leaf/state.json');
      expect(error.configs).toEqual([LEAF, MIDDLE, TOP]);
      expect(error.reason).toBe('Computation failed: boom');
    });
  });

  describe('when a state file records the failure (another process computed it)', () => {
    it('should prefix a recorded user message with the outcome', () => {
      const error = GrenComputeError.fromRecord('failed', 'child exploded', '/s/Top/state.json', TOP);

      expect(error.message).toBe(
        'Computation failed: child exploded\n  in demo.Top cccccccccccccccccccc\n\nState file: /s/Top/state.json',
      );
    });

    it("should not prefix again a recorded dependency's failure, and keep its first line", () => {
      const recorded =
        'Computation failed: boom\n  in demo.Leaf aaaaaaaaaaaaaaaaaaaa\n  needed by demo.Middle bbbbbbbbbbbbbbbbbbbb';

      const error = GrenComputeError.fromRecord('failed', recorded, '/s/Top/state.json', TOP);

      expect(error.reason).toBe('Computation failed: boom');
      expect(error.message.match(/Computation failed/g)).toHaveLength(1);
    });

    it('should say only the outcome when nothing was recorded', () => {
      expect(GrenComputeError.fromRecord('cancelled', null, '/s.json', TOP).reason).toBe('Computation cancelled');
    });
  });
});

describe('renderError', () => {
  describe('when a nested computation failed', () => {
    it('should print the configs and state file once, then the original error as the cause, without an "Original error" line', () => {
      const original = new RangeError('boom');
      original.stack = `RangeError: boom\n    at parse (/home/me/project/steps.ts:3:9)\n    at runAttempt (${GREN_FILE}:79:36)`;

      const text = renderError(nestedFailure(original));

      expect(text).toMatch(
        /^GrenComputeError \[COMPUTE_FAILED\]: Computation failed: boom\n {2}in demo\.Leaf a{20}\n {2}needed by demo\.Middle b{20}\n {2}needed by demo\.Top c{20}\nState file: \/s\/Leaf\/state\.json\n/,
      );
      expect(text).toContain(
        '\n\nCaused by: RangeError: boom\n    at parse (/home/me/project/steps.ts:3:9)\n    … 1 more frame in gren, Node.js or node_modules',
      );
      expect(text).not.toContain('Original error');
    });
  });

  describe('when asked for every frame (log files)', () => {
    it('should keep the frames inside gren in place', () => {
      const original = new RangeError('boom');
      original.stack = `RangeError: boom\n    at parse (/home/me/project/steps.ts:3:9)\n    at runAttempt (${GREN_FILE}:79:36)`;

      expect(renderError(original, { allFrames: true })).toBe(
        `RangeError: boom\n    at parse (/home/me/project/steps.ts:3:9)\n    at runAttempt (${GREN_FILE}:79:36)`,
      );
    });
  });

  describe('when an error has no frame in user code', () => {
    it("should show none of a gren error's frames", () => {
      const error = GrenConfigError.missingField('X', 'y');
      error.stack = `GrenConfigError: ...\n    at build (${GREN_FILE}:1:1)`;

      expect(renderError(error)).toBe(`GrenConfigError [CONFIG_MISSING_FIELD]: ${error.message}`);
    });

    it('should show the first frames of another error, with how many were left out', () => {
      const error = new TypeError('bad');
      error.stack = [
        'TypeError: bad',
        ...Array.from({ length: 7 }, (_, i) => `    at f${i} (node:internal/x:${i}:1)`),
      ].join('\n');

      const lines = renderError(error).split('\n');

      expect(lines).toHaveLength(7);
      expect(lines[1]).toBe('    at f0 (node:internal/x:0:1)');
      expect(lines[6]).toBe('    … 2 more frames in gren, Node.js or node_modules');
    });
  });
});

describe('isCallerFrame', () => {
  it.each([
    ['    at parse (/home/me/project/steps.ts:3:9)', true],
    ['    at async /home/me/project/main.js:10:5', true],
    ['    at parse (file:///home/me/project/steps.mjs:3:9)', true],
    [`    at runAttempt (${GREN_FILE}:79:36)`, false],
    ['    at load (/home/me/project/node_modules/gren-ts/dist/runtime/artifact.js:1:1)', false],
    ['    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)', false],
    ['    at new Promise (<anonymous>)', false],
    ['    at async Promise.all (index 0)', false],
  ])("should tell whether %p is in the caller's code (%p)", (line, expected) => {
    expect(isCallerFrame(line)).toBe(expected);
  });
});
