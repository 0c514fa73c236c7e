import {
  GrenComputeError,
  GrenConfigError,
  GrenDefinitionError,
  GrenError,
  GrenLockNotAcquired,
  GrenSerializationError,
  GrenSettingsError,
  GrenStateError,
  GrenWaitTimeout,
} from 'gren-ts';
import { describeValue } from '../../../lib/src/errors/describe-value';
import { suggestName } from '../../../lib/src/errors/suggest-name';

describe('GrenError', () => {
  describe('when any gren error is built', () => {
    it.each([
      ['GrenDefinitionError', GrenDefinitionError.decoratedTwice('X'), 'DEFINITION_DECORATED_TWICE'],
      ['GrenConfigError', GrenConfigError.missingField('X', 'y'), 'CONFIG_MISSING_FIELD'],
      ['GrenSerializationError', GrenSerializationError.unknownClass('X', 'a.X'), 'SERIALIZATION_UNKNOWN_CLASS'],
      ['GrenSettingsError', GrenSettingsError.invalidVariable('GREN_X', 'v', 'a number'), 'SETTINGS_INVALID_VARIABLE'],
      ['GrenStateError', GrenStateError.notObject('/s.json'), 'STATE_NOT_OBJECT'],
      ['GrenComputeError', new GrenComputeError('Computation failed', '/s.json'), 'COMPUTE_FAILED'],
      ['GrenWaitTimeout', new GrenWaitTimeout(12.34, '/a/b'), 'WAIT_TIMEOUT'],
      ['GrenLockNotAcquired', new GrenLockNotAcquired('succeeded'), 'LOCK_NOT_ACQUIRED'],
    ])('should make %s a GrenError and an Error with its name and a stable code', (name, error, code) => {
      expect(error).toBeInstanceOf(GrenError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.stack).toContain(name);
    });
  });

  describe('when wrapping another error', () => {
    it('should keep it as cause', () => {
      const original = new RangeError('boom');

      expect(new GrenError('X', 'wrapped', { cause: original }).cause).toBe(original);
      expect(new GrenError('X', 'plain').cause).toBeUndefined();
      expect(GrenSerializationError.wrapped('A.b', original).cause).toBe(original);
    });
  });
});

describe('GrenComputeError', () => {
  describe('when it wraps the error _create threw', () => {
    it("should compose the reference's message: message, original error, state file", () => {
      const error = new GrenComputeError(
        'Computation failed: boom',
        '/store/data/a/B/123/.gren/state.json',
        new TypeError('boom'),
      );

      expect(error.message).toBe(
        'Computation failed: boom\n\nOriginal error: TypeError: boom\n\nState file: /store/data/a/B/123/.gren/state.json',
      );
      expect(error.statePath).toBe('/store/data/a/B/123/.gren/state.json');
      expect(error.cause).toBeInstanceOf(TypeError);
    });
  });

  describe('when there is no original error', () => {
    it('should still name the state file', () => {
      expect(new GrenComputeError('Failed to submit job', '/s.json').message).toBe(
        'Failed to submit job\n\nState file: /s.json',
      );
    });

    it('should render a thrown non-Error as text', () => {
      expect(new GrenComputeError('Computation failed', '/s.json', 'a string').message).toContain(
        'Original error: a string',
      );
    });
  });
});

describe('GrenWaitTimeout', () => {
  it("should start with the reference's message and say how to wait longer", () => {
    const error = new GrenWaitTimeout(600, '/store/data/a/B/123');

    expect(error.message).toMatch(/^Timed out waiting for compute lock after 600\.0s \(\/store\/data\/a\/B\/123\)/);
    expect(error.message).toContain('maxWaitTimeSec');
    expect(error.waitedSec).toBe(600);
  });
});

describe('GrenLockNotAcquired', () => {
  it.each(['succeeded', 'failed'] as const)(
    'should say the experiment already %s, as the reference does',
    (outcome) => {
      const error = new GrenLockNotAcquired(outcome);

      expect(error.message).toBe(`Cannot acquire lock: experiment already ${outcome}`);
      expect(error.outcome).toBe(outcome);
    },
  );
});

describe('suggestName', () => {
  const fields = ['dataset', 'lr', 'steps', 'optimizer', 'seed'];

  it.each([
    ['stpes', 'steps'],
    ['Steps', 'steps'],
    ['optimiser', 'optimizer'],
    ['datset', 'dataset'],
    ['sed', 'seed'],
    ['l', 'lr'],
  ])('should suggest the closest name for the typo %p', (typo, expected) => {
    expect(suggestName(typo, fields)).toBe(expected);
  });

  it.each(['learning_rate', 'batch', 'xyzzy'])('should suggest nothing for the unrelated %p', (name) => {
    expect(suggestName(name, fields)).toBeUndefined();
  });
});

describe('describeValue', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['text', '"text"'],
    [5, '5'],
    [Number.NaN, 'NaN'],
    [true, 'true'],
    [12n, '12n'],
    [Symbol('s'), 'Symbol(s)'],
    [function named(): void {}, 'function named'],
    [() => 1, 'an anonymous function'],
    [[1, 2, 3], 'an array of 3'],
    [new Date('2025-01-02T03:04:05Z'), 'Date(2025-01-02T03:04:05.000Z)'],
    [new Date(Number.NaN), 'Date(Invalid Date)'],
    [{ a: 1 }, '{"a":1}'],
    [new Map(), 'an instance of Map'],
    [Object.create(null) as object, '{}'],
  ])('should render %p as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it('should clip long values and never throw', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;

    expect(describeValue('x'.repeat(200))).toHaveLength(80);
    expect(describeValue('x'.repeat(200)).endsWith('…')).toBe(true);
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
