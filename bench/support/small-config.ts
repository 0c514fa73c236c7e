import { Field, Float, Gren, GrenObject } from 'gren-ts';

/** The 2-field config of the "small config" figures (hashing and cache hits). */
@Gren({ namespace: 'bench.SmallConfig' })
export class SmallConfig extends GrenObject<string, SmallConfig> {
  @Field() name: string = 'toy';
  @Field({ type: Float }) lr: number = 1e-3;

  protected _create(): string {
    return 'created';
  }

  protected _load(): string {
    return 'loaded';
  }
}
