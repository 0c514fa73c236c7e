import { PreciseDate } from '@google-cloud/precise-date';
import {
  Field,
  Float,
  Gren,
  GrenObject,
  GrenSerializationError,
  GrenSerializer,
  GrenStruct,
  registerEnum,
  Tuple,
} from 'gren-ts';
import { compareCodePoints, sortByCodePoint } from '../../../lib/src/identity/code-point-order';
import { formatUtcMicros } from '../../../lib/src/identity/format-datetime';
import { pythonJsonString } from '../../../lib/src/identity/json-string';
import { pythonFloatRepr } from '../../../lib/src/identity/python-float';
import { expectError } from '../errors/expect-error';

enum KitchenColor {
  RED = 'red',
  BLUE = 'blue',
}
registerEnum(KitchenColor, 'exp_mod.pipelines.Color');

@Gren({ namespace: 'exp_mod.pipelines.Leaf' })
class Leaf extends GrenObject<string, Leaf> {
  @Field() name: string = 'toy';

  protected _create(): string {
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

/** A "kitchen sink": every canonicalization rule in one object. */
@Gren({ namespace: 'exp_mod.pipelines.Kitchen' })
class Kitchen extends GrenStruct<Kitchen> {
  @Field() i: number = 1;
  @Field({ type: Float }) f: number = 1;
  @Field({ type: Float }) f2: number = 3e-4;
  @Field({ type: Float }) f3: number = 1e-5;
  @Field({ type: Float }) f4: number = 1e16;
  @Field() s: string = 'héllo "q" ✓';
  @Field() b: boolean = true;
  @Field({ type: Object }) n: unknown = null;
  @Field() lst: number[] = [3, 1, 2];
  @Field({ type: Tuple }) tup: unknown[] = [1, 'a'];
  @Field({ type: Object }) d: Record<string, unknown> = { z: 1, a: { y: 2, b: 3 } };
  @Field() p: string = 'a/b.txt';
  @Field({ type: KitchenColor }) e: KitchenColor = KitchenColor.RED;
  @Field() st: Set<string> = new Set(['b', 'a']);
  @Field({ type: Uint8Array }) by: Uint8Array = Buffer.from('abc');
  @Field() dt: Date = new Date('2025-01-02T03:04:05Z');
  @Field(() => Leaf) dep: Leaf = new Leaf();
  @Field() _priv: number = 7;
}

/** Holds anything, to reach every rule of the untyped walk. */
@Gren({ namespace: 'spec.canonical.Holder' })
class Holder extends GrenStruct<Holder> {
  @Field({ type: Object }) value: unknown = null;
  @Field() n: number = 0;
}

@Gren({ namespace: 'spec.canonical.FloatBox' })
class FloatBox extends GrenStruct<FloatBox> {
  @Field({ type: Float }) f: number = 0;
}

@Gren({ namespace: 'spec.canonical.Outer' })
class Outer extends GrenObject<string, Outer> {
  @Field(() => Holder) holder: Holder = new Holder();
  @Field() lookup: Map<string, number> = new Map([['a', 1]]);

  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

const json = (value: unknown): string => GrenSerializer.canonicalJson(value);
const held = (value: unknown): string => json(new Holder({ value }));

describe('canonical JSON and grenHash', () => {
  describe("when hashing the reference's kitchen-sink object", () => {
    it('should produce the verified canonical JSON and hash', () => {
      const kitchen = new Kitchen();

      expect(json(kitchen)).toBe(
        '{"__class__":"exp_mod.pipelines.Kitchen","b":true,"by":{"__bytes__":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},' +
          '"d":{"a":{"b":3,"y":2},"z":1},"dep":{"__class__":"exp_mod.pipelines.Leaf","name":"toy"},' +
          '"dt":"2025-01-02T03:04:05.000000+00:00","e":{"__enum__":"exp_mod.pipelines.Color:RED"},"f":1.0,"f2":0.0003,' +
          '"f3":1e-05,"f4":1e+16,"i":1,"lst":[3,1,2],"n":null,"p":"a/b.txt","s":"h\\u00e9llo \\"q\\" \\u2713",' +
          '"st":["a","b"],"tup":[1,"a"]}',
      );
      expect(kitchen.toDict()).toHaveProperty('_priv', 7);
      expect(GrenSerializer.computeHash(kitchen)).toBe('c45fd689d501e45ac265');
    });

    it('should reproduce the Leaf vector', () => {
      expect(new Leaf().grenHash).toBe('53105cdea61ae54ed3ad');
      expect(new Leaf({ name: 'mnist' }).grenHash).toBe('7cc421d80837cb6a2e71');
    });
  });

  describe('when hashing plain values (the reference vectors)', () => {
    it.each([
      ['{"b":1,"a":[1,2]}', { b: 1, a: [1, 2] }, '{"a":[1,2],"b":1}', 'ec2cda2973898376c8db'],
      ['[1,2]', [1, 2], '[1,2]', 'ceda057d54417a279215'],
      ['"x"', 'x', '"x"', '98ac030e18ca6c0c4863'],
      ['None', null, 'null', '9dbb3f85625fda83c902'],
      [
        '{1:"a",2:"b"} as a Map',
        new Map([
          [1, 'a'],
          [2, 'b'],
        ]),
        '{"1":"a","2":"b"}',
        '17b482c311f8f10d7f64',
      ],
      [
        '{"__class__":"m.C","f":1.0}',
        { __class__: 'm.C', f: Float(1) },
        '{"__class__":"m.C","f":1.0}',
        '6f7ee5b2c78ade1abc85',
      ],
      ['{"__class__":"m.C","f":1}', { __class__: 'm.C', f: 1 }, '{"__class__":"m.C","f":1}', '68a90f7b0a7fd2cba902'],
      [
        '{"__class__":"m.C","s":"é"}',
        { __class__: 'm.C', s: 'é' },
        '{"__class__":"m.C","s":"\\u00e9"}',
        'c015b9b110b0457804aa',
      ],
      [
        '{"__class__":"m.C","x":true}',
        { __class__: 'm.C', x: true },
        '{"__class__":"m.C","x":true}',
        '1cc5584cada02efd73df',
      ],
    ])('should hash %s like Python', (_label, value, canonical, hash) => {
      expect(json(value)).toBe(canonical);
      expect(GrenSerializer.computeHash(value)).toBe(hash);
    });
  });

  describe('when writing floats (Python repr)', () => {
    it.each([
      [1.0, '1.0'],
      [0.0003, '0.0003'],
      [1e-5, '1e-05'],
      [1e16, '1e+16'],
      [1.2345678901234568e17, '1.2345678901234568e+17'],
      [-0, '-0.0'],
      [0, '0.0'],
      [1e22, '1e+22'],
      [0.1, '0.1'],
      [123.456, '123.456'],
      [2.5e-8, '2.5e-08'],
      [1e-4, '0.0001'],
      [9.999e-5, '9.999e-05'],
      [9999999999999998.0, '9999999999999998.0'],
      [1e15, '1000000000000000.0'],
      [2 ** 53, '9007199254740992.0'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [0.1 + 0.2, '0.30000000000000004'],
      [-1.5, '-1.5'],
      [1e100, '1e+100'],
      [123456789012345.6, '123456789012345.6'],
      [-1e-7, '-1e-07'],
    ])('should write %p as %s', (value, repr) => {
      expect(pythonFloatRepr(value)).toBe(repr);
      expect(json(new FloatBox({ f: value }))).toBe(`{"__class__":"spec.canonical.FloatBox","f":${repr}}`);
      expect(json(Float(value))).toBe(repr);
    });

    it('should write integral numbers of untyped fields as integers and others as floats', () => {
      expect(held([1, 2.5, -0, Float(2)])).toContain('"value":[1,2.5,-0.0,2.0]');
    });

    it('should hash an int and a float of equal value differently', () => {
      expect(GrenSerializer.computeHash(new Holder({ value: 1 }))).not.toBe(
        GrenSerializer.computeHash(new Holder({ value: Float(1) })),
      );
    });
  });

  describe('when writing strings (json.dumps with ensure_ascii)', () => {
    it.each([
      ['héllo "q" ✓', '"h\\u00e9llo \\"q\\" \\u2713"'],
      ['a\u007fb', '"a\\u007fb"'],
      ['\u0000\u0001\u001f', '"\\u0000\\u0001\\u001f"'],
      ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
      ['/\\', '"/\\\\"'],
      ['😀', '"\\ud83d\\ude00"'],
      ['\u2028 \ud7ff \ue000 \uffff', '"\\u2028 \\ud7ff \\ue000 \\uffff"'],
      ['plain ASCII ~', '"plain ASCII ~"'],
      ['lone \ud800 and \udfff', '"lone \\ud800 and \\udfff"'],
    ])('should escape %p as Python does', (text, literal) => {
      expect(pythonJsonString(text)).toBe(literal);
      expect(json(text)).toBe(literal);
    });
  });

  describe('when sorting keys', () => {
    it('should order by code point, putting astral keys after U+FF5A', () => {
      const value = { '😀': 1, ｚ: 2, a: 3, Z: 4, é: 5, '10': 6, '9': 7 };

      expect(json(value)).toBe('{"10":6,"9":7,"Z":4,"a":3,"\\u00e9":5,"\\uff5a":2,"\\ud83d\\ude00":1}');
    });

    it('should differ from UTF-16 order only where a surrogate meets U+E000..U+FFFF', () => {
      expect(['😀', 'ｚ'].sort()).toEqual(['😀', 'ｚ']);
      expect(sortByCodePoint(['😀', 'ｚ'])).toEqual(['ｚ', '😀']);
      expect(compareCodePoints('a😀', 'a\ue000')).toBeGreaterThan(0);
      expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
      expect(compareCodePoints('x', 'x')).toBe(0);
    });
  });

  describe('when hashing Sets', () => {
    it('should sort strings by code point', () => {
      expect(held(new Set(['😀', 'b', 'ｚ', 'a']))).toContain('"value":["a","b","\\uff5a","\\ud83d\\ude00"]');
    });

    it('should sort numbers numerically', () => {
      expect(held(new Set([10, 9, -1, 2.5, Float(3)]))).toContain('"value":[-1,2.5,3.0,9,10]');
    });

    it('should fail for mixed strings and numbers, as Python cannot sort them', () => {
      expectError(
        () => held(new Set(['a', 1])),
        GrenSerializationError,
        'Cannot hash Holder.value',
        'all strings or all numbers',
      );
    });
  });

  describe('when hashing Maps', () => {
    it('should write string keys in code-point order', () => {
      expect(
        held(
          new Map([
            ['b', 1],
            ['a', 2],
          ]),
        ),
      ).toContain('"value":{"a":2,"b":1}');
    });

    it('should sort numeric keys numerically before writing them as strings, as Python does', () => {
      expect(
        held(
          new Map<unknown, string>([
            [10, 'a'],
            [9, 'b'],
            [1.5, 'c'],
            [true, 't'],
          ]),
        ),
      ).toContain('"value":{"true":"t","1.5":"c","9":"b","10":"a"}');
    });

    it('should fail for keys of mixed kinds', () => {
      expectError(
        () =>
          held(
            new Map<unknown, number>([
              [1, 1],
              ['b', 2],
            ]),
          ),
        GrenSerializationError,
        'Cannot hash Holder.value',
        'Python cannot sort',
      );
    });

    it('should fail for keys that are objects', () => {
      expectError(() => held(new Map([[{}, 1]])), GrenSerializationError, 'Map keys must be strings');
    });
  });

  describe('when hashing bytes', () => {
    it('should write the sha256 of the content behind a __bytes__ marker', () => {
      const expected = '{"__bytes__":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}';

      expect(json(Buffer.from('abc'))).toBe(expected);
      expect(json(new Uint8Array([0x61, 0x62, 0x63]))).toBe(expected);
      expect(json(Buffer.from('xxabcxx').subarray(2, 5))).toBe(expected);
      expect(json(new Uint8Array([0, 0x61, 0x62, 0x63, 0]).subarray(1, 4))).toBe(expected);
    });
  });

  describe('when hashing dates', () => {
    it.each([
      [new Date('2025-01-02T03:04:05Z'), '2025-01-02T03:04:05.000000+00:00'],
      [new Date('2025-01-02T03:04:05.5Z'), '2025-01-02T03:04:05.500000+00:00'],
      [new Date('2024-06-30T23:30:00+02:00'), '2024-06-30T21:30:00.000000+00:00'],
      [new Date('1999-12-31T19:00:00-05:00'), '2000-01-01T00:00:00.000000+00:00'],
      [new PreciseDate('2024-01-02T03:04:05.123456Z'), '2024-01-02T03:04:05.123456+00:00'],
      [new PreciseDate('2024-01-02T03:04:05.000007Z'), '2024-01-02T03:04:05.000007+00:00'],
    ])('should write %p in UTC with microseconds as %s', (date, text) => {
      expect(formatUtcMicros(date)).toBe(text);
      expect(json(date)).toBe(`"${text}"`);
    });

    it('should fail for a date Python cannot hold', () => {
      expectError(
        () => held(new Date('+010000-01-01T00:00:00Z')),
        GrenSerializationError,
        'Holder.value',
        'outside 0001..9999',
      );
      expectError(() => held(new Date(Number.NaN)), GrenSerializationError, 'an invalid Date');
    });
  });

  describe('when a value cannot be hashed', () => {
    const selfObject: Record<string, unknown> = { k: 1 };
    selfObject.self = selfObject;
    const selfArray: unknown[] = [1];
    selfArray.push(selfArray);

    it.each([
      ['a function', [1, { k: () => 1 }], 'Holder.value[1]["k"]', 'a function cannot be hashed'],
      ['a symbol', { a: [0, 1, Symbol('s')] }, 'Holder.value["a"][2]', 'a symbol cannot be hashed'],
      ['undefined', [1, 2, { k: undefined }], 'Holder.value[2]["k"]', 'use null for "no value"'],
      ['NaN', { x: Number.NaN }, 'Holder.value["x"]', 'NaN cannot be hashed'],
      ['Infinity', [Number.NEGATIVE_INFINITY], 'Holder.value[0]', '-Infinity cannot be hashed'],
      ['an unsafe integer', { big: 2 ** 60 }, 'Holder.value["big"]', 'use a bigint'],
      ['a class instance', new (class Custom {})(), 'Holder.value', 'instances of Custom cannot be hashed'],
      ['a self-referencing object', selfObject, 'Holder.value["self"]', 'contains itself (a cycle)'],
      ['a self-referencing array', selfArray, 'Holder.value[1]', 'contains itself (a cycle)'],
    ])('should fail for %s naming the path', (_label, value, where, why) => {
      const error = expectError(
        () => GrenSerializer.computeHash(new Holder({ value })),
        GrenSerializationError,
        `Cannot hash ${where} =`,
        why,
      );

      expect(error.path).toBe(where);
      expect(error.code).toBe('SERIALIZATION_UNHASHABLE');
    });

    it('should fail for an unsafe integer in a number field, naming the field', () => {
      expectError(
        () => json(new Holder({ n: 2 ** 60 })),
        GrenSerializationError,
        'Cannot hash Holder.n = 1152921504606847000',
        'beyond 2^53',
      );
    });

    it('should find a cycle through a Map that holds its own config', () => {
      const lookup = new Map<string, unknown>();
      const outer = new Outer({ lookup: lookup as Map<string, number> });
      lookup.set('me', outer);

      expectError(() => outer.grenHash, GrenSerializationError, 'Cannot hash Outer.lookup["me"]', 'a cycle');
    });

    it('should report the value as "value" when it is not a config', () => {
      expectError(() => GrenSerializer.computeHash([1, () => 2]), GrenSerializationError, 'Cannot hash value[1]');
    });

    it('should leave the next hash unaffected', () => {
      expect(() => held([() => 1])).toThrow(GrenSerializationError);
      expect(held([1])).toBe('{"__class__":"spec.canonical.Holder","n":0,"value":[1]}');
    });
  });

  describe('when the hash is read more than once', () => {
    it('should return the memoized hash without recomputing', () => {
      const outer = new Outer();
      const first = outer.grenHash;

      expect(outer.grenHash).toBe(first);
      expect(GrenSerializer.computeHash(outer)).toBe(first);
    });

    it('should keep the memoized hash when a (deliberately unfrozen) Map inside is mutated', () => {
      const lookup = new Map([['a', 1]]);
      const outer = new Outer({ lookup });
      const before = outer.grenHash;

      lookup.set('b', 2);

      expect(outer.grenHash).toBe(before);
      expect(new Outer({ lookup }).grenHash).not.toBe(before);
    });

    it("should reuse a nested config's memoized canonical JSON inside its parent", () => {
      const inner = new Map([['k', 1]]);
      const holder = new Holder({ value: inner });
      const innerJson = json(holder);

      inner.set('k', 2);

      expect(json(new Outer({ holder }))).toContain(innerJson);
      expect(json(new Holder({ value: inner }))).not.toBe(innerJson);
    });

    it('should hash equal configs equally and inline dependencies in full', () => {
      expect(new Outer().grenHash).toBe(new Outer().grenHash);
      expect(new Outer({ holder: new Holder({ n: 1 }) }).grenHash).not.toBe(new Outer().grenHash);
    });
  });
});
