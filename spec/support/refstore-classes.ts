import { PreciseDate } from '@google-cloud/precise-date';
import { Field, Float, Gren, GrenObject, GrenStruct, MISSING, registerEnum, Tuple } from 'gren-ts';

/**
 * The classes of the Python-written reference store (spec/fixtures/python/python-store), with
 * the same namespaces, field order and types, so their hashes land in the same directories.
 */
export enum Color {
  RED = 'red',
  GREEN = 2,
}
registerEnum(Color, 'refstore.pipelines.Color');

export enum Mode {
  FAST = 'fast',
  SLOW = 'slow',
}
registerEnum(Mode, 'refstore.bench_models.Mode');

abstract class TextArtifact<Self> extends GrenObject<string, Self> {
  protected _create(): string {
    return 'created';
  }

  protected _load(): string {
    return 'loaded';
  }
}

@Gren({ namespace: 'refstore.pipelines.Scalars' })
export class Scalars extends TextArtifact<Scalars> {
  @Field() i: number = 42;
  @Field() neg: number = -7;
  @Field() zero: number = 0;
  @Field({ type: BigInt }) big: bigint = 2n ** 53n + 1n;
  @Field({ type: Float }) f_small: number = 3e-4;
  @Field({ type: Float }) f_tiny: number = 1e-5;
  @Field({ type: Float }) f_one: number = 1;
  @Field({ type: Float }) f_neg_zero: number = -0;
  @Field({ type: Float }) f_big: number = 1e22;
  @Field({ type: Float }) f_17: number = 1e16;
  @Field({ type: Float }) f_third: number = 1 / 3;
  @Field() s_ascii: string = 'hello';
  @Field() s_unicode: string = 'héllo wörld ✓ 日本語 😀 "q" \\ \n\t';
  @Field() flag_t: boolean = true;
  @Field() flag_f: boolean = false;
  @Field({ type: Object }) nothing: string | null = null;
  @Field() _private: number = 7;
}

@Gren({ namespace: 'refstore.pipelines.Collections' })
export class Collections extends TextArtifact<Collections> {
  @Field() items: number[] = [3, 1, 2];
  @Field() mixed: unknown[] = [1, 2.5, 'two', null, true, [1, [2, [3]]], { k: 'v' }];
  @Field({ type: Object }) mapping: Record<string, unknown> = {
    z: 1,
    a: 2,
    é: 3,
    Z: 4,
    ｚ: 5,
    '😀': 6,
    '10': 7,
    '9': 8,
    nested: { b: [Float(1), 1e-5], a: { deep: 'ü' } },
  };
  @Field({ type: Tuple }) tup: number[] = [4, 5];
}

@Gren({ namespace: 'refstore.pipelines.Misc' })
export class Misc extends TextArtifact<Misc> {
  @Field() path: string = '/data/some dir/ñ.txt';
  @Field({ type: Color }) color: Color = Color.RED;
  @Field() when: Date = new PreciseDate('2024-01-02T03:04:05.123456Z');
  @Field() when_offset: Date = new Date('2024-06-30T23:30:00+02:00');
}

@Gren({ namespace: 'refstore.pipelines.Leaf' })
export class Leaf extends TextArtifact<Leaf> {
  @Field() value: number = MISSING;
  @Field() name: string = 'leaf';
}

@Gren({ namespace: 'refstore.pipelines.Middle' })
export class Middle extends TextArtifact<Middle> {
  @Field(() => Leaf) leaf: Leaf = MISSING;
  @Field({ type: Float }) scale: number = 1;
}

@Gren({ namespace: 'refstore.pipelines.Top' })
export class Top extends TextArtifact<Top> {
  @Field(() => Middle) middle: Middle = MISSING;
  @Field() label: string = 'top';
  @Field({ type: Object }) extra: Record<string, unknown> = {};
}

@Gren({ namespace: 'refstore.pipelines.Failing' })
export class Failing extends TextArtifact<Failing> {
  @Field() reason: string = 'boom';
}

@Gren({ namespace: 'refstore.pipelines.NeverValid' })
export class NeverValid extends TextArtifact<NeverValid> {
  @Field() tag: string = 'invalid';

  protected override _validate(): boolean {
    return false;
  }
}

@Gren({ namespace: 'refstore.pipelines.Versioned', versionControlled: true })
export class Versioned extends TextArtifact<Versioned> {
  @Field() note: string = 'kept in git/';
}

@Gren({ namespace: 'refstore.bench_models.Inner' })
export class BenchInner extends GrenStruct<BenchInner> {
  @Field() a_big: number = 1_000_000_000_000_000;
  @Field({ type: Object }) a_dict: Record<string, unknown> = { x: 1, y: [1.5, 'z'] };
  @Field({ type: Mode }) a_enum: Mode = Mode.FAST;
  @Field({ type: Float }) a_f1: number = 3e-4;
  @Field({ type: Float }) a_f2: number = 1e-5;
  @Field({ type: Float }) a_f3: number = 1;
  @Field() a_int: number = 1;
  @Field() a_list: number[] = [1, 2, 3, 4, 5];
  @Field() a_neg: number = -12345;
  @Field({ type: Object }) a_none: unknown = null;
  @Field() a_path: string = '/data/inner';
  @Field() a_str: string = 'inner';
  @Field() a_true: boolean = true;
  @Field() a_uni: string = 'ünïcödé ✓';
  @Field() a_when: Date = new Date('2024-05-06T07:08:09Z');
}

@Gren({ namespace: 'refstore.bench_models.Middle' })
export class BenchMiddle extends GrenStruct<BenchMiddle> {
  @Field({ type: Object }) b_dict: Record<string, unknown> = { k1: { k2: { k3: [1, 2, 3] } }, é: 'v' };
  @Field({ type: Mode }) b_enum: Mode = Mode.SLOW;
  @Field({ type: Float }) b_f: number = 2.5e-7;
  @Field({ type: Float }) b_f2: number = 123.456;
  @Field() b_false: boolean = false;
  @Field() b_i2: number = 3;
  @Field() b_i3: number = 4;
  @Field() b_int: number = 2;
  @Field() b_list: unknown[] = ['a', 1, Float(2), null, true];
  @Field() b_path: string = 'rel/middle.txt';
  @Field() b_s2: string = 'm2';
  @Field() b_s3: string = 'm3';
  @Field() b_str: string = 'middle';
  @Field({ type: Tuple }) b_tuple: number[] = [7, 8, 9];
  @Field(() => BenchInner) inner: BenchInner = new BenchInner();
}

@Gren({ namespace: 'refstore.bench_models.Outer' })
export class BenchOuter extends TextArtifact<BenchOuter> {
  @Field() c_bool: boolean = true;
  @Field({ type: Object }) c_dict: Record<string, unknown> = { lr: 3e-4, wd: 0.01 };
  @Field({ type: Mode }) c_enum: Mode = Mode.FAST;
  @Field({ type: Float }) c_f: number = 0.1;
  @Field({ type: Float }) c_f1: number = 1e-5;
  @Field({ type: Float }) c_f2: number = 1e22;
  @Field() c_i1: number = 10;
  @Field() c_i2: number = 20;
  @Field() c_i3: number = 30;
  @Field() c_int: number = 3;
  @Field({ type: [Float] }) c_list: number[] = [0.1, 0.2, 0.3];
  @Field() c_nested_list: unknown[] = [[1, 2], { a: [3, { b: 4 }] }];
  @Field({ type: Object }) c_none: unknown = null;
  @Field() c_path: string = '/data/outer';
  @Field() c_s1: string = 's1';
  @Field() c_s2: string = 's2';
  @Field() c_s3: string = '日本';
  @Field() c_str: string = 'outer';
  @Field() c_when: Date = new Date('2025-01-01T12:00:00Z');
  @Field(() => BenchMiddle) middle: BenchMiddle = new BenchMiddle();
}
