import { IsIn, Min } from 'class-validator';
import {
  Field,
  Float,
  FloatValue,
  Gren,
  GrenConfigError,
  GrenDefinitionError,
  GrenError,
  GrenObject,
  GrenStruct,
  MISSING,
  registerEnum,
} from 'gren-ts';
import { expectError } from '../errors/expect-error';

enum Color {
  Red = 'red',
  Blue = 'blue',
}
registerEnum(Color, 'spec.construction.Color');

@Gren({ namespace: 'spec.construction.Dataset' })
class Dataset extends GrenStruct {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'spec.construction.BigDataset' })
class BigDataset extends Dataset {
  @Field() rows: number = 1_000_000;
}

@Gren({ namespace: 'spec.construction.Other' })
class Other extends GrenStruct<Other> {
  @Field() name: string = 'other';
}

@Gren({ namespace: 'spec.construction.Train' })
class Train extends GrenObject<string, Train> {
  @Field(() => Dataset) dataset: Dataset = new Dataset();
  @Field({ type: Float }) @Min(0) lr: number = 1e-3;
  @Field() steps: number = 1000;
  @Field() @IsIn(['adam', 'sgd']) optimizer: string = 'adam';
  @Field() seed: number = MISSING;
  @Field({ type: Object }) notes: unknown = null;

  protected _create(): string {
    return 'trained';
  }

  protected _load(): string {
    return 'trained';
  }
}

@Gren({ namespace: 'spec.construction.Kinds' })
class Kinds extends GrenStruct<Kinds> {
  @Field() text: string = 'x';
  @Field() count: number = 1;
  @Field() flag: boolean = false;
  @Field({ type: Float }) rate: number = 0.5;
  @Field({ type: BigInt }) big: bigint = 1n;
  @Field() when: Date = new Date('2025-01-02T03:04:05Z');
  @Field({ type: Uint8Array }) bytes: Uint8Array = new Uint8Array([1, 2]);
  @Field({ type: Color }) color: Color = Color.Red;
  @Field(() => Dataset) dataset: Dataset = new Dataset();
  @Field({ type: [Float] }) rates: number[] = [0.1, 1];
  @Field() tags: Set<string> = new Set(['a']);
  @Field() lookup: Map<string, number> = new Map([['a', 1]]);
  @Field({ type: Object }) extra: Record<string, unknown> = { nested: { list: [1, 2] } };
  @Field() list: unknown[] = [[1, 2], { k: 'v' }];
}

describe('new X(init)', () => {
  describe('when no init object is given', () => {
    it('should take every default', () => {
      const train = new Train({ seed: 1 });

      expect([train.dataset.name, train.lr, train.steps, train.optimizer, train.notes]).toEqual([
        'toy',
        1e-3,
        1000,
        'adam',
        null,
      ]);
    });
  });

  describe('when init values are given', () => {
    it('should apply them over the defaults', () => {
      const train = new Train({ seed: 7, lr: 3e-4, dataset: new Dataset({ name: 'mnist' }) });

      expect([train.seed, train.lr, train.steps, train.dataset.name]).toEqual([7, 3e-4, 1000, 'mnist']);
    });

    it('should unbox a FloatValue given to a Float field', () => {
      expect(new Kinds({ rate: Float(2) as never }).rate).toBe(2);
      expect(new Kinds({ rates: [Float(1), 2] as never }).rates).toEqual([1, 2]);
    });

    it('should accept null for any field, as Python accepts None', () => {
      expect(new Kinds({ text: null as never, dataset: null as never }).text).toBeNull();
    });
  });

  describe('when a required field is not given', () => {
    it('should fail naming class and field', () => {
      const error = expectError(
        () => new Train(),
        GrenConfigError,
        'Train.seed is required',
        'new Train({ seed: ... })',
      );

      expect(error.code).toBe('CONFIG_MISSING_FIELD');
      expect([error.className, error.field]).toEqual(['Train', 'seed']);
    });

    it('should fail when MISSING is passed explicitly', () => {
      expectError(() => new Train({ seed: MISSING }), GrenConfigError, 'Train.seed is required');
    });
  });

  describe('when a field is undefined', () => {
    it('should fail telling to use null or MISSING', () => {
      const error = expectError(
        () => new Train({ seed: 1, notes: undefined }),
        GrenConfigError,
        'Train.notes is undefined',
        'use null for "no value"',
        'MISSING',
      );

      expect(error.code).toBe('CONFIG_UNDEFINED_FIELD');
    });
  });

  describe('when an init key is not a field', () => {
    it('should fail suggesting the closest field name', () => {
      const error = expectError(
        () => new Train({ seed: 1, stpes: 10 } as never),
        GrenConfigError,
        'Train has no field "stpes"',
        'Did you mean "steps"?',
        'Its fields are: dataset, lr, steps, optimizer, seed, notes.',
      );

      expect([error.code, error.field]).toEqual(['CONFIG_UNKNOWN_FIELD', 'stpes']);
    });

    it('should not suggest anything when no field is close', () => {
      const error = expectError(() => new Train({ seed: 1, completelyDifferent: 1 } as never), GrenConfigError);

      expect(error.message).not.toContain('Did you mean');
    });

    it('should fail for an init value that is not a plain object', () => {
      expectError(() => new Train(5 as never), GrenConfigError, 'new Train(...) takes one plain object', 'got 5');
      expectError(() => new Train(new Map() as never), GrenConfigError, 'got an instance of Map');
    });
  });

  describe('when a value has the wrong type', () => {
    it.each([
      ['text', 5, 'Kinds.text must be a string, got 5'],
      ['count', '5', 'Kinds.count must be a finite number, got "5"'],
      ['count', Number.NaN, 'Kinds.count must be a finite number, got NaN'],
      ['count', Number.POSITIVE_INFINITY, 'Kinds.count must be a finite number, got Infinity'],
      ['flag', 1, 'Kinds.flag must be a boolean, got 1'],
      ['rate', '0.5', 'Kinds.rate must be a finite number (Float), got "0.5"'],
      ['big', 5, 'Kinds.big must be a bigint, got 5'],
      ['when', '2025-01-02', 'Kinds.when must be a valid Date, got "2025-01-02"'],
      ['when', new Date(Number.NaN), 'Kinds.when must be a valid Date, got Date(Invalid Date)'],
      ['bytes', [1, 2], 'Kinds.bytes must be a Uint8Array or Buffer, got an array of 2'],
      ['color', 'green', 'Kinds.color must be a member of spec.construction.Color, got "green"'],
      ['dataset', { name: 'toy' }, 'Kinds.dataset must be a Dataset, got {"name":"toy"}'],
      ['dataset', new Other(), 'Kinds.dataset must be a Dataset, got an instance of Other'],
      ['rates', [0.1, 'x'], 'Kinds.rates[1] must be a finite number (Float), got "x"'],
      ['rates', 0.1, 'Kinds.rates must be an array of finite number (Float), got 0.1'],
      ['tags', ['a'], 'Kinds.tags must be a Set, got an array of 1'],
      ['lookup', { a: 1 }, 'Kinds.lookup must be a Map, got {"a":1}'],
    ])('should reject %s = %p naming class, field and value', (field, value, message) => {
      const error = expectError(() => new Kinds({ [field]: value }), GrenConfigError, message);

      expect(error.code).toBe('CONFIG_WRONG_TYPE');
      expect(error).toBeInstanceOf(GrenError);
    });

    it('should accept a Buffer as bytes and an enum member given by value', () => {
      const kinds = new Kinds({ bytes: Buffer.from('abc'), color: 'blue' as Color });

      expect(kinds.color).toBe(Color.Blue);
      expect(Buffer.from(kinds.bytes).toString()).toBe('abc');
    });
  });

  describe('when a class-validator constraint fails', () => {
    it('should fail naming class, field, value and the constraint (@Min)', () => {
      const error = expectError(
        () => new Train({ seed: 1, lr: -0.5 }),
        GrenConfigError,
        'Train.lr = -0.5 is invalid',
        'lr must not be less than 0',
      );

      expect([error.code, error.field]).toEqual(['CONFIG_INVALID_VALUE', 'lr']);
    });

    it('should fail naming class, field, value and the constraint (@IsIn)', () => {
      expectError(
        () => new Train({ seed: 1, optimizer: 'rmsprop' }),
        GrenConfigError,
        'Train.optimizer = "rmsprop" is invalid',
        'optimizer must be one of the following values: adam, sgd',
      );
    });

    it('should pass values that satisfy the constraints', () => {
      expect(new Train({ seed: 1, lr: 0, optimizer: 'sgd' }).optimizer).toBe('sgd');
    });
  });

  describe('when the object is built', () => {
    it('should be frozen, so assignment throws in strict mode', () => {
      const train = new Train({ seed: 1 });

      expect(Object.isFrozen(train)).toBe(true);
      expect(() => {
        (train as { steps: number }).steps = 5;
      }).toThrow(TypeError);
      expect(train.steps).toBe(1000);
    });

    it('should freeze nested arrays and plain objects', () => {
      const kinds = new Kinds();
      const extra = kinds.extra as { nested: { list: number[] } };

      expect(() => kinds.rates.push(3)).toThrow(TypeError);
      expect(() => {
        extra.nested.list[0] = 9;
      }).toThrow(TypeError);
      expect(() => {
        (kinds.list[1] as Record<string, unknown>).k = 'changed';
      }).toThrow(TypeError);
      expect(Object.isFrozen(extra.nested)).toBe(true);
    });

    it('should freeze the values passed in, not copies of them', () => {
      const list = [1, 2];
      const kinds = new Kinds({ list });

      expect(kinds.list).toBe(list);
      expect(Object.isFrozen(list)).toBe(true);
    });
  });

  describe('when a base-typed field holds a subclass', () => {
    it('should accept it and keep its class', () => {
      const train = new Train({ seed: 1, dataset: new BigDataset({ rows: 5 }) });

      expect(train.dataset).toBeInstanceOf(BigDataset);
      expect(train.toDict().dataset).toEqual({ __class__: 'spec.construction.BigDataset', name: 'toy', rows: 5 });
    });
  });

  describe('when a subclass is not decorated', () => {
    it('should fail at construction telling to add @Gren()', () => {
      class Undecorated extends Train {}

      expectError(() => new Undecorated({ seed: 1 }), GrenDefinitionError, 'Undecorated', 'not decorated with @Gren()');
    });
  });
});

describe('equals()', () => {
  describe('when two objects have the same class and field values', () => {
    it('should be true, nested objects, Dates, bytes, Sets and Maps compared by content', () => {
      expect(new Kinds().equals(new Kinds())).toBe(true);
      expect(new Train({ seed: 1 }).equals(new Train({ seed: 1 }))).toBe(true);
    });

    it('should compare private fields too', () => {
      @Gren({ namespace: 'spec.construction.WithPrivate' })
      class WithPrivate extends GrenStruct<WithPrivate> {
        @Field() _note: string = '';
      }

      expect(new WithPrivate({ _note: 'a' }).equals(new WithPrivate({ _note: 'b' }))).toBe(false);
    });
  });

  describe('when anything differs', () => {
    it.each([
      ['text', 'y'],
      ['rate', 0.25],
      ['big', 2n],
      ['when', new Date('2025-01-02T03:04:06Z')],
      ['bytes', new Uint8Array([1, 3])],
      ['color', Color.Blue],
      ['dataset', new Dataset({ name: 'mnist' })],
      ['dataset', new BigDataset()],
      ['rates', [0.1]],
      ['tags', new Set(['b'])],
      ['lookup', new Map([['a', 2]])],
      ['extra', { nested: { list: [1, 3] } }],
      ['list', [[1, 2], { k: 'w' }]],
    ])('should be false when %s differs', (field, value) => {
      expect(new Kinds().equals(new Kinds({ [field]: value }))).toBe(false);
    });

    it('should be false for another class with the same fields, and for plain values', () => {
      expect(new Dataset({ name: 'x' }).equals(new Other({ name: 'x' }))).toBe(false);
      expect(new Dataset().equals({ name: 'toy' })).toBe(false);
      expect(new Dataset().equals(null)).toBe(false);
    });

    it('should tell a Float box from a plain number in an untyped list', () => {
      expect(new Kinds({ list: [Float(1)] }).equals(new Kinds({ list: [1] }))).toBe(false);
      expect(new Kinds({ list: [Float(1)] }).equals(new Kinds({ list: [new FloatValue(1)] }))).toBe(true);
    });
  });
});

describe('replace()', () => {
  describe('when some fields change', () => {
    it('should return a new object with those changes and leave the original as it was', () => {
      const train = new Train({ seed: 1, steps: 10 });
      const changed = train.replace({ steps: 20 });

      expect(changed).toBeInstanceOf(Train);
      expect([changed.seed, changed.steps, train.steps]).toEqual([1, 20, 10]);
      expect(changed.grenHash).not.toBe(train.grenHash);
      expect(train.replace({}).equals(train)).toBe(true);
      expect(train.replace({}).grenHash).toBe(train.grenHash);
    });
  });

  describe('when a change is invalid', () => {
    it('should fail like the constructor', () => {
      const train = new Train({ seed: 1 });

      expectError(
        () => train.replace({ stpes: 3 } as never),
        GrenConfigError,
        'Train has no field "stpes"',
        'Did you mean "steps"?',
      );
      expectError(() => train.replace({ lr: -1 }), GrenConfigError, 'Train.lr = -1 is invalid');
    });
  });
});
