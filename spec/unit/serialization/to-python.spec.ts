import { PreciseDate } from '@google-cloud/precise-date';
import { Field, Float, Gren, GrenObject, GrenSerializer, GrenStruct, MISSING, registerEnum, Tuple } from 'gren-ts';
import { pythonStringRepr } from '../../../lib/src/serialization/python-string-repr';
import { loadHashVectors, vectorConfigToDict } from '../../support/fixtures';
import '../../support/refstore-classes';
import { withIntegerKeysFirst } from './python-dict-order';

enum Color {
  RED = 'red',
  GREEN = 2,
}
registerEnum(Color, 'exp_mod.pipelines.Color');

@Gren({ namespace: 'exp_mod.pipelines.Leaf' })
class Leaf extends GrenStruct<Leaf> {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'exp_mod.pipelines.Parent' })
class Parent extends GrenObject<string, Parent> {
  @Field(() => Leaf) leaf: Leaf = new Leaf();
  @Field() k: number = 3;

  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

@Gren({ namespace: 'exp_mod.pipelines.Empty' })
class Empty extends GrenStruct<Empty> {}

@Gren({ namespace: 'exp_mod.pipelines.Values' })
class Values extends GrenStruct<Values> {
  @Field({ type: Color }) color: Color = Color.RED;
  @Field({ type: Color }) green: Color = Color.GREEN;
  @Field() when: Date = new PreciseDate('2025-01-02T03:04:05.000006Z');
  @Field({ type: Uint8Array }) data: Uint8Array = Buffer.from('abc');
  @Field({ type: Tuple }) one: unknown[] = [1];
  @Field({ type: Tuple }) two: unknown[] = [1, 'a'];
  @Field() tags: Set<string> = new Set(['a']);
  @Field() none: Set<string> = new Set();
  @Field() lookup: Map<number, string> = new Map([[1, 'a']]);
  @Field({ type: BigInt }) big: bigint = 2n ** 64n;
  @Field({ type: Float }) f: number = 1e16;
  @Field() n: number = -0.5;
  @Field() list: unknown[] = [Float(2), null, true, false, "it's"];
  @Field({ type: Object }) dict: Record<string, unknown> = { a: 1, b: { c: [1, 2] } };
  @Field({ type: Object }) missing: unknown = null;
  @Field() _private: string = 'p';
}

const vectors = loadHashVectors();

/**
 * Vectors whose `to_python` the port deliberately does not reproduce: the reference writes an
 * enum member as `refstore.pipelines.Color:RED`, which is not Python (a bug of the Python gren; we write
 * `refstore.pipelines.Color.RED`), and a `pathlib.Path(...)`, a type TypeScript has not got
 * (the field is a string here). bench_outer50 has no stored text.
 */
const EXCLUDED = new Set(['misc', 'misc_enum_int', 'bench_outer50']);

describe('toPython', () => {
  describe("when rendering the hash vectors' objects", () => {
    it.each(
      vectors.objects.filter((vector) => !EXCLUDED.has(vector.label)).map((vector) => [vector.label, vector] as const),
    )("should give the reference's to_python text for %s", (_label, vector) => {
      const object = GrenSerializer.fromDict(vectorConfigToDict(vector.config)) as GrenObject;

      expect(object.toPython()).toBe(withIntegerKeysFirst(vector.to_python ?? ''));
      expect(GrenSerializer.toPython(object)).toBe(object.toPython());
    });

    it('should differ for the excluded vectors only in the enum member and the Path', () => {
      const misc = vectors.objects.find((vector) => vector.label === 'misc_enum_int');
      const object = GrenSerializer.fromDict(vectorConfigToDict(misc?.config)) as GrenObject;
      const expected = (misc?.to_python ?? '')
        .replace("pathlib.Path('relative/path')", "'relative/path'")
        .replace('refstore.pipelines.Color:GREEN', 'refstore.pipelines.Color.GREEN');

      expect(object.toPython()).toBe(expected);
    });
  });

  describe('when rendering single-line', () => {
    it("should match the reference's verified example", () => {
      expect(new Parent().toPython()).toBe("exp_mod.pipelines.Parent(leaf=exp_mod.pipelines.Leaf(name='toy'), k=3)");
      expect(new Empty().toPython()).toBe('exp_mod.pipelines.Empty()');
    });

    it('should render every kind of value as Python, enums and bytes included', () => {
      expect(new Values().toPython()).toBe(
        'exp_mod.pipelines.Values(color=exp_mod.pipelines.Color.RED, green=exp_mod.pipelines.Color.GREEN, ' +
          "when=datetime.datetime.fromisoformat('2025-01-02T03:04:05.000006+00:00'), data=bytes.fromhex('616263'), " +
          "one=(1,), two=(1, 'a'), tags={'a'}, none=set(), lookup={1: 'a'}, big=18446744073709551616, f=1e+16, " +
          "n=-0.5, list=[2.0, None, True, False, \"it's\"], dict={'a': 1, 'b': {'c': [1, 2]}}, missing=None, _private='p')",
      );
    });
  });

  describe('when rendering multiline', () => {
    it("should match the reference's verified example", () => {
      expect(new Parent().toPython({ multiline: true })).toBe(
        [
          'exp_mod.pipelines.Parent(',
          '    leaf=exp_mod.pipelines.Leaf(',
          "        name='toy'",
          '    ),',
          '    k=3',
          ')',
        ].join('\n'),
      );
    });

    it('should render an object without fields as the reference does', () => {
      expect(new Empty().toPython({ multiline: true })).toBe('exp_mod.pipelines.Empty(\n\n)');
    });

    it('should put one dict key per line, indented like fields', () => {
      @Gren({ namespace: 'exp_mod.pipelines.WithDict' })
      class WithDict extends GrenStruct<WithDict> {
        @Field({ type: Object }) d: Record<string, unknown> = { a: 1, b: 'x' };
      }

      expect(new WithDict().toPython({ multiline: true })).toBe(
        ['exp_mod.pipelines.WithDict(', '    d={', "        'a': 1,", "        'b': 'x'", '    }', ')'].join('\n'),
      );
    });
  });

  describe('when rendering strings (Python repr)', () => {
    it.each([
      ['plain', "'plain'"],
      ["it's", '"it\'s"'],
      ['say "hi"', '\'say "hi"\''],
      ['both \' "', "'both \\' \"'"],
      ['\u007f\u0000\u200b\u00a0é😀\u2028', "'\\x7f\\x00\\u200b\\xa0é😀\\u2028'"],
      ['tab\tnew\nret\r\\', "'tab\\tnew\\nret\\r\\\\'"],
    ])('should write %p as %s', (text, repr) => {
      expect(pythonStringRepr(text)).toBe(repr);
    });
  });

  describe('when the value is MISSING', () => {
    it('should never reach toPython, because construction rejects it', () => {
      @Gren({ namespace: 'exp_mod.pipelines.Needs' })
      class Needs extends GrenStruct<Needs> {
        @Field() x: number = MISSING;
      }

      expect(() => new Needs().toPython()).toThrow('Needs.x is required');
    });
  });
});
