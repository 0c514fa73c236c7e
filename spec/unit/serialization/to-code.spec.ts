import { PreciseDate } from '@google-cloud/precise-date';
import { Field, Float, Gren, GrenObject, GrenSerializer, GrenStruct, registerEnum, Tuple } from 'gren-ts';
import { loadHashVectors, vectorConfigToDict } from '../../support/fixtures';
import {
  BenchInner,
  BenchMiddle,
  BenchOuter,
  Collections,
  Color,
  Failing,
  Leaf,
  Middle,
  Misc,
  Mode,
  NeverValid,
  Scalars,
  Top,
  Versioned,
} from '../../support/refstore-classes';

enum Level {
  Low = 1,
  'very high' = 2,
}
registerEnum(Level, 'spec.to_code.Level');

@Gren({ namespace: 'spec.to_code.Unusual' })
class Unusual extends GrenStruct<Unusual> {
  @Field({ type: Level }) level: Level = Level['very high'];
  @Field({ type: Uint8Array }) data: Uint8Array = Buffer.from([0, 255, 10]);
  @Field() tags: Set<string> = new Set(['b', 'a']);
  @Field() lookup: Map<unknown, unknown> = new Map<unknown, unknown>([
    [1, Float(1)],
    [2, [1n]],
  ]);
  @Field() list: unknown[] = [Float(2), -0, 2n ** 70n, new Date('2020-01-01T00:00:00Z'), null, true];
  @Field({ type: Object }) odd: Record<string, unknown> = { 'needs quotes': "it's\n", '😀': '\u2028', $ok: 1 };
  @Field({ type: Tuple }) pair: unknown[] = [1, 'a'];
  @Field({ type: Float }) f: number = -0;
  @Field() when: Date = new PreciseDate('2024-01-02T03:04:05.123456Z');
}

/** Every class and helper the emitted code may name, as the module that evaluates it would import them. */
const SCOPE: Record<string, unknown> = {
  Scalars,
  Collections,
  Misc,
  Leaf,
  Middle,
  Top,
  Failing,
  NeverValid,
  Versioned,
  BenchInner,
  BenchMiddle,
  BenchOuter,
  Unusual,
  Color,
  Mode,
  Level,
  Float,
  PreciseDate,
};

/** Evaluates emitted TypeScript (it is also valid JavaScript) with SCOPE's names in scope. */
function evaluate(code: string): unknown {
  const names = Object.keys(SCOPE);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating generated code is the point of the test
  const build = new Function(...names, `return ${code};`) as (...values: unknown[]) => unknown;
  return build(...names.map((name) => SCOPE[name]));
}

const vectors = loadHashVectors();
const objects: [string, GrenStruct | GrenObject][] = [
  ...vectors.objects.map(
    (vector) =>
      [vector.label, GrenSerializer.fromDict(vectorConfigToDict(vector.config)) as GrenObject] as [string, GrenObject],
  ),
  ['unusual values', new Unusual()],
];

describe('toCode', () => {
  describe.each([
    ['single-line', false],
    ['multiline', true],
  ])('when the %s code is evaluated', (_format, multiline) => {
    it.each(objects)('should rebuild an equal %s with the same hash', (_label, original) => {
      const code = original.toCode({ multiline });
      const rebuilt = evaluate(code);

      expect(rebuilt).toBeInstanceOf(original.constructor);
      expect((rebuilt as GrenStruct).equals(original)).toBe(true);
      expect(GrenSerializer.computeHash(rebuilt)).toBe(GrenSerializer.computeHash(original));
    });
  });

  describe('when rendering single-line', () => {
    it('should write a constructor call with every field', () => {
      const leaf = GrenSerializer.fromDict({
        __class__: 'refstore.pipelines.Leaf',
        value: 3,
        name: 'deep-leaf',
      }) as Leaf;

      expect(leaf.toCode()).toBe("new Leaf({ value: 3, name: 'deep-leaf' })");
      expect(GrenSerializer.toCode(new Top({ middle: new Middle({ leaf }) }))).toBe(
        "new Top({ middle: new Middle({ leaf: new Leaf({ value: 3, name: 'deep-leaf' }), scale: 1 }), label: 'top', extra: {} })",
      );
    });

    it('should name enum members, Float boxes, bigints, dates and bytes as TypeScript writes them', () => {
      const code = new Unusual().toCode();

      expect(code).toContain("level: Level['very high']");
      expect(code).toContain("data: Buffer.from('AP8K', 'base64')");
      expect(code).toContain(
        "list: [Float(2), -0, 1180591620717411303424n, new Date('2020-01-01T00:00:00.000Z'), null, true]",
      );
      expect(code).toContain("when: new PreciseDate('2024-01-02T03:04:05.123456Z')");
      expect(code).toContain("{ 'needs quotes': 'it\\'s\\n', '😀': '\\u2028', $ok: 1 }");
      expect(new Misc().toCode()).toContain('color: Color.RED');
    });
  });

  describe('when rendering multiline', () => {
    it('should put one field per line, two spaces per level, with trailing commas', () => {
      const leaf = GrenSerializer.fromDict({ __class__: 'refstore.pipelines.Leaf', value: 3, name: 'x' }) as Leaf;

      expect(new Middle({ leaf }).toCode({ multiline: true })).toBe(
        ['new Middle({', '  leaf: new Leaf({', '    value: 3,', "    name: 'x',", '  }),', '  scale: 1,', '})'].join(
          '\n',
        ),
      );
    });
  });
});
