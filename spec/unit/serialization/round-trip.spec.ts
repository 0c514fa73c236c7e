import { PreciseDate } from '@google-cloud/precise-date';
import {
  Field,
  Float,
  FloatValue,
  Gren,
  GrenObject,
  GrenSerializationError,
  GrenSerializer,
  GrenStruct,
  MISSING,
  registerEnum,
  Tuple,
} from 'gren-ts';
import { expectError } from '../errors/expect-error';

enum Optimizer {
  Adam = 'adam',
  Sgd = 'sgd',
}
registerEnum(Optimizer, 'spec.round_trip.Optimizer');

enum Priority {
  Low = 1,
  High = 2,
}
registerEnum(Priority, 'spec.round_trip.Priority');

@Gren({ namespace: 'spec.round_trip.Dataset' })
class Dataset extends GrenStruct {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'spec.round_trip.ShardedDataset' })
class ShardedDataset extends Dataset {
  @Field() shards: number = 4;
}

@Gren({ namespace: 'spec.round_trip.Everything' })
class Everything extends GrenObject<string, Everything> {
  @Field() text: string = 'héllo "q" ✓ 😀';
  @Field() count: number = -3;
  @Field() ratio: number = 2.5;
  @Field() flag: boolean = true;
  @Field({ type: Float }) lr: number = 1;
  @Field({ type: Float }) tiny: number = -0;
  @Field({ type: [Float] }) rates: number[] = [1, 0.5, 1e16];
  @Field({ type: BigInt }) big: bigint = 2n ** 64n;
  @Field({ type: BigInt }) small: bigint = 5n;
  @Field() when: Date = new Date('2025-01-02T03:04:05.678Z');
  @Field() precise: Date = new PreciseDate('2024-01-02T03:04:05.123456Z');
  @Field({ type: Uint8Array }) bytes: Uint8Array = Buffer.from([0, 1, 254, 255]);
  @Field({ type: Optimizer }) optimizer: Optimizer = Optimizer.Sgd;
  @Field({ type: Priority }) priority: Priority = Priority.High;
  @Field() tags: Set<string> = new Set(['b', 'a']);
  @Field() sizes: Set<number> = new Set([3, 1]);
  @Field() lookup: Map<string, number> = new Map([['x', 1]]);
  @Field() byNumber: Map<number, string> = new Map([
    [10, 'ten'],
    [9, 'nine'],
  ]);
  @Field({ type: Tuple }) pair: unknown[] = [1, 'a'];
  @Field() mixed: unknown[] = [
    1,
    Float(2),
    2.5,
    null,
    'x',
    [Float(0), { k: Float(3) }],
    new Date('2020-01-01T00:00:00Z'),
    new PreciseDate('2020-01-01T00:00:00.000001Z'),
    Buffer.from('abc'),
    new Set(['s']),
    new Map<unknown, unknown>([[1, Float(1)]]),
    2n ** 70n,
  ];
  @Field({ type: Object }) nested: Record<string, unknown> = { a: { b: [1, { c: 'd' }] }, e: null };
  @Field(() => Dataset) dataset: Dataset = new ShardedDataset({ shards: 8 });
  @Field(() => [Dataset]) datasets: Dataset[] = [new Dataset(), new ShardedDataset()];
  @Field({ type: Object }) anything: unknown = new Dataset({ name: 'inline' });
  @Field() _note: string = 'private, kept by toDict';

  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

@Gren({ namespace: 'spec.round_trip.Required' })
class Required extends GrenStruct<Required> {
  @Field() value: number = MISSING;
  @Field() when: Date = new Date(0);
}

/** Rebuilds through toDict() and fromDict(), checking the class along the way. */
function viaDict<T extends object>(value: T): T {
  const rebuilt = GrenSerializer.fromDict(GrenSerializer.toDict(value));
  expect(rebuilt).toBeInstanceOf(value.constructor);
  return rebuilt as T;
}

/** Rebuilds through the JSON text gren writes and reads (toJson → parseJson → fromDict). */
function viaJson<T extends object>(value: T): T {
  const text = GrenSerializer.toJson(value);
  const rebuilt = GrenSerializer.fromDict(GrenSerializer.parseJson(text));
  expect(rebuilt).toBeInstanceOf(value.constructor);
  return rebuilt as T;
}

describe('GrenSerializer.toDict / fromDict', () => {
  describe('when round-tripping a config holding every supported type', () => {
    const original = new Everything();

    it.each([
      ['toDict → fromDict', viaDict],
      ['toJson → parseJson → fromDict', viaJson],
    ])('should rebuild an equal object with the same hash (%s)', (_label, rebuild) => {
      const rebuilt = rebuild(original);

      expect(GrenSerializer.canonicalJson(rebuilt)).toBe(GrenSerializer.canonicalJson(original));
      expect(rebuilt.grenHash).toBe(original.grenHash);
      expect(rebuilt.equals(original)).toBe(true);
    });

    it('should restore the types, not just the hash', () => {
      const rebuilt = viaJson(original);

      expect(typeof rebuilt.big).toBe('bigint');
      expect(typeof rebuilt.small).toBe('bigint');
      expect((rebuilt.precise as PreciseDate).getMicroseconds()).toBe(456);
      expect(rebuilt.bytes).toBeInstanceOf(Uint8Array);
      expect(rebuilt.optimizer).toBe(Optimizer.Sgd);
      expect(rebuilt.priority).toBe(Priority.High);
      expect(rebuilt.tags).toEqual(new Set(['a', 'b']));
      expect(rebuilt.byNumber.get(10)).toBe('ten');
      expect(rebuilt.dataset).toBeInstanceOf(ShardedDataset);
      expect(rebuilt.datasets[1]).toBeInstanceOf(ShardedDataset);
      expect(rebuilt.anything).toBeInstanceOf(Dataset);
      expect(rebuilt.mixed[1]).toBeInstanceOf(FloatValue);
      expect(rebuilt.mixed[6]).toBeInstanceOf(Date);
      expect(rebuilt.mixed[11]).toBe(2n ** 70n);
      expect(rebuilt._note).toBe('private, kept by toDict');
    });

    it('should write every field, private ones included, in declaration order', () => {
      const dict = original.toDict();

      expect(Object.keys(dict)).toEqual(['__class__', ...Object.keys(new Everything().toDict()).slice(1)]);
      expect(Object.keys(dict).slice(0, 3)).toEqual(['__class__', 'text', 'count']);
      expect(Object.keys(dict).at(-1)).toBe('_note');
    });

    it('should write Float fields as Float boxes and typed Dates as Python ISO strings', () => {
      const dict = original.toDict();

      expect(dict.lr).toEqual(new FloatValue(1));
      expect(dict.ratio).toBe(2.5);
      expect(dict.when).toBe('2025-01-02T03:04:05.678000+00:00');
      expect(GrenSerializer.toJson(original)).toContain('"lr":1.0,"tiny":-0.0,"rates":[1.0,0.5,1e+16]');
    });

    it('should mark values that plain JSON cannot carry', () => {
      const dict = original.toDict();

      expect(dict.tags).toEqual({ __set__: ['b', 'a'] });
      expect(dict.lookup).toEqual({ __map__: [['x', 1]] });
      expect(dict.bytes).toEqual({ __bytes_base64__: 'AAH+/w==' });
      expect((dict.mixed as unknown[])[6]).toEqual({ __datetime__: '2020-01-01T00:00:00.000000+00:00' });
    });
  });

  describe('when round-tripping single kinds', () => {
    it.each([
      ['a Date', { when: new Date('1999-12-31T23:59:59.999Z') }],
      ['a PreciseDate', { when: new PreciseDate('2024-06-30T21:30:00.000001Z') }],
      ['a PreciseDate without microseconds', { when: new PreciseDate('2024-06-30T21:30:00.5Z') }],
    ])('should keep %s', (_label, init) => {
      const original = new Required({ value: 1, ...init });

      expect(viaJson(original).equals(original)).toBe(true);
      expect(GrenSerializer.computeHash(viaJson(original))).toBe(GrenSerializer.computeHash(original));
    });

    it('should keep a base-typed field holding a subclass', () => {
      const original = new Everything({ dataset: new ShardedDataset({ name: 'sub', shards: 2 }) });

      expect(viaDict(original).dataset).toBeInstanceOf(ShardedDataset);
      expect(viaDict(original).grenHash).toBe(original.grenHash);
    });
  });

  describe('when fromDict is called on a specific class', () => {
    it('should return an instance of that class', () => {
      const original = new Everything();

      expect(Everything.fromDict(original.toDict()).grenHash).toBe(original.grenHash);
    });

    it('should fail when the data describes another class', () => {
      expectError(
        () => Everything.fromDict({ __class__: 'spec.round_trip.Dataset', name: 'x' }),
        GrenSerializationError,
        'Cannot rebuild Everything',
        'it describes a Dataset, not a Everything',
      );
    });
  });

  describe('when the data cannot be rebuilt', () => {
    it('should fail for an unknown class, naming the marker', () => {
      const error = expectError(
        () => GrenSerializer.fromDict({ __class__: 'nowhere.Unknown', x: 1 }),
        GrenSerializationError,
        'Cannot rebuild Unknown',
        'no class is registered under "nowhere.Unknown"',
        'Import the module that defines it',
      );

      expect(error.code).toBe('SERIALIZATION_UNKNOWN_CLASS');
    });

    it('should fail for an unknown class deep inside, naming the path', () => {
      const error = expectError(
        () =>
          GrenSerializer.fromDict({ __class__: 'spec.round_trip.Everything', nested: { a: [{ __class__: 'x.Y' }] } }),
        GrenSerializationError,
        'Cannot rebuild Everything.nested["a"][0]',
      );

      expect(error.path).toBe('Everything.nested["a"][0]');
    });

    it('should fail for an unknown field, naming it and suggesting the closest one', () => {
      const error = expectError(
        () => GrenSerializer.fromDict({ __class__: 'spec.round_trip.Required', valeu: 1 }),
        GrenSerializationError,
        'Cannot rebuild Required',
        'Required has no field "valeu"',
        'Did you mean "value"?',
      );

      expect(error.code).toBe('SERIALIZATION_CONSTRUCT_FAILED');
      expect(error.cause).toBeInstanceOf(Error);
    });

    it('should fail for a missing required field', () => {
      expectError(
        () => GrenSerializer.fromDict({ __class__: 'spec.round_trip.Required' }),
        GrenSerializationError,
        'Required.value is required',
      );
    });

    it('should fail for a subclass of the wrong base in a config field', () => {
      expectError(
        () =>
          GrenSerializer.fromDict({
            __class__: 'spec.round_trip.Everything',
            dataset: { __class__: 'spec.round_trip.Required', value: 1 },
          }),
        GrenSerializationError,
        'Cannot rebuild Everything.dataset',
        'the field expects a Dataset, not a Required',
      );
    });

    it.each([
      [{ __class__: 5 }, 'value', '"__class__" must be a string'],
      [
        { __class__: 'spec.round_trip.Required', value: 1, when: 'yesterday' },
        'Required.when',
        'expected an ISO 8601 datetime',
      ],
      [[{ __datetime__: 5 }], 'value[0]', 'expected an ISO 8601 datetime'],
      [{ k: { __datetime__: 'not a date' } }, 'value["k"]', 'expected an ISO 8601 datetime'],
      [{ __bytes_base64__: 12 }, 'value', 'expected a base64 string'],
      [{ __set__: 'ab' }, 'value', 'expected an array of set items'],
      [{ __map__: [[1, 2, 3]] }, 'value', 'expected an array of [key, value] pairs'],
      [
        { __class__: 'spec.round_trip.Everything', optimizer: 'rmsprop' },
        'Everything',
        'Everything.optimizer must be a member',
      ],
    ])('should fail for bad data %p naming the path', (data, where, why) => {
      const error = expectError(
        () => GrenSerializer.fromDict(data),
        GrenSerializationError,
        `Cannot rebuild ${where}`,
        why,
      );

      expect(error.path).toBe(where);
    });
  });

  describe('when reading JSON', () => {
    it('should keep Python floats and big integers', () => {
      expect(GrenSerializer.parseJson('[1.0, 1, 1e-05, 9007199254740993, -0.0, 2.5]')).toEqual([
        new FloatValue(1),
        1,
        1e-5,
        9007199254740993n,
        new FloatValue(-0),
        2.5,
      ]);
    });

    it('should write what Python writes', () => {
      expect(GrenSerializer.toJson({ a: [Float(1), 1e-5, Float(1e16), 2n ** 64n, 'é', null] })).toBe(
        '{"a":[1.0,1e-05,1e+16,18446744073709551616,"\\u00e9",null]}',
      );
      expect(GrenSerializer.toJson({ a: [1, { b: 2 }] }, { indent: 2 })).toBe(
        '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ]\n}',
      );
    });
  });
});
