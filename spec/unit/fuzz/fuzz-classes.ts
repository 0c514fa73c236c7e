import { Field, Float, Gren, GrenObject, GrenStruct, MISSING, registerEnum, Tuple } from 'gren-ts';

/** Config classes with every kind of field type, for the fuzz properties. */
export enum Shade {
  LIGHT = 'light',
  DARK = 2,
}
registerEnum(Shade, 'spec.fuzz.Shade');

abstract class Computation<Self> extends GrenObject<string, Self> {
  protected _create(): string {
    return 'created';
  }

  protected _load(): string {
    return 'loaded';
  }
}

@Gren({ namespace: 'spec.fuzz.Inner' })
export class FuzzInner extends GrenStruct<FuzzInner> {
  @Field() label: string = 'inner';
  @Field({ type: Float }) weight: number = 0.5;
}

@Gren({ namespace: 'spec.fuzz.Source' })
export class FuzzSource extends Computation<FuzzSource> {
  @Field() name: string = MISSING;
  @Field() rows: number = 10;
}

@Gren({ namespace: 'spec.fuzz.Everything' })
export class FuzzEverything extends Computation<FuzzEverything> {
  @Field() text: string = 'x';
  @Field() count: number = 1;
  @Field({ type: Float }) rate: number = 0.1;
  @Field({ type: BigInt }) big: bigint = 1n;
  @Field() flag: boolean = false;
  @Field() when: Date = new Date('2024-01-01T00:00:00Z');
  @Field({ type: Shade }) shade: Shade = Shade.LIGHT;
  @Field({ type: Uint8Array }) blob: Uint8Array = new Uint8Array([1, 2]);
  @Field({ type: Object }) extra: Record<string, unknown> = {};
  @Field() tags: string[] = [];
  @Field({ type: [Float] }) curve: number[] = [];
  @Field({ type: Tuple }) pair: number[] = [1, 2];
  @Field({ type: Set }) members: Set<unknown> = new Set();
  @Field({ type: Map }) lookup: Map<unknown, unknown> = new Map();
  @Field(() => FuzzInner) inner: FuzzInner = new FuzzInner();
  @Field(() => FuzzSource) source: FuzzSource = new FuzzSource({ name: 'default' });
  @Field(() => [FuzzSource]) sources: FuzzSource[] = [];
  @Field() anything: unknown = null;
  @Field() _note: string = 'private';
  @Field({ hash: false }) workers: number = 1;
}

export const FUZZ_CLASSES = [FuzzInner, FuzzSource, FuzzEverything] as const;

@Gren({ namespace: 'spec.fuzz.Failing' })
export class FuzzFailing extends Computation<FuzzFailing> {
  @Field() reason: string = 'boom';

  protected override _create(): string {
    throw new Error(`failed on purpose: ${this.reason}`);
  }
}
