// A user's pipeline as most TypeScript code declares it: field types come from
// design:type metadata (tsc, ts-node, swc with decoratorMetadata).
import { Field, Float, Gren, GrenObject, GrenStruct } from 'gren-ts';

@Gren({ namespace: 'toolchain_demo.Optimizer' })
export class Optimizer extends GrenStruct<Optimizer> {
  @Field() name: string = 'adam';
  @Field({ type: Float }) lr: number = 0.001;
}

@Gren({ namespace: 'toolchain_demo.Train' })
export class Train extends GrenObject<number, Train> {
  @Field() optimizer: Optimizer = new Optimizer();
  @Field() steps: number = 10;
  @Field() verbose: boolean = false;
  @Field() tags: string[] = [];

  protected _create(): number {
    return this.steps * 2;
  }

  protected _load(): number {
    return this.steps * 2;
  }
}
