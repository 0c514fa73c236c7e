// The same pipeline written for runners that emit no decorator metadata (tsx, vitest):
// fields whose default is not a string, number or boolean name their type.
import { Field, Float, Gren, GrenObject, GrenStruct } from 'gren-ts';

@Gren({ namespace: 'toolchain_demo.Optimizer' })
export class Optimizer extends GrenStruct<Optimizer> {
  @Field() name: string = 'adam';
  @Field(Float) lr: number = 0.001;
}

@Gren({ namespace: 'toolchain_demo.Train' })
export class Train extends GrenObject<number, Train> {
  @Field(() => Optimizer) optimizer: Optimizer = new Optimizer();
  @Field() steps: number = 10;
  @Field() verbose: boolean = false;
  @Field({ type: [String] }) tags: string[] = [];

  protected _create(): number {
    return this.steps * 2;
  }

  protected _load(): number {
    return this.steps * 2;
  }
}
