/**
 * Type test: with `class X extends GrenObject<T, X>`, init objects and replace()
 * are checked at compile time. Every `@ts-expect-error` line must fail to compile (tsc
 * reports an unused directive otherwise), and everything else must compile:
 * `tsc -p spec/types/tsconfig.json --noEmit` exits 0. spec/unit/types runs it in `npm test`.
 */
import { Field, Float, Gren, GrenObject, GrenStruct, MISSING } from 'gren-ts';

@Gren({ namespace: 'spec.types.Dataset' })
export class Dataset extends GrenStruct<Dataset> {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'spec.types.TrainModel' })
export class TrainModel extends GrenObject<string, TrainModel> {
  @Field(() => Dataset) dataset: Dataset = new Dataset();
  @Field({ type: Float }) lr: number = 1e-3;
  @Field() steps: number = 1000;
  @Field() seed: number = MISSING;
  @Field() tags: string[] = [];
  @Field() _note: string = '';

  protected _create(): string {
    return 'trained';
  }

  protected _load(): string {
    return 'trained';
  }
}

/** Without the Self parameter any keys type-check; they are caught at run time instead. */
@Gren({ namespace: 'spec.types.Untyped' })
export class Untyped extends GrenObject<string> {
  @Field() steps: number = 1;

  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

// Correct code compiles.
export const model = new TrainModel({ lr: 3e-4, steps: 5000, seed: 1 });
export const withDefaults = new TrainModel();
export const empty = new TrainModel({});
export const nested = new TrainModel({ dataset: new Dataset({ name: 'mnist' }), tags: ['a'], _note: 'n', seed: 2 });
export const changed: TrainModel = model.replace({ steps: 10, dataset: new Dataset() });
export const loose = new Untyped({ anything: 'goes at compile time' });

// A misspelled init key fails.
// @ts-expect-error 'stpes' does not exist in the init type of TrainModel
export const misspelled = new TrainModel({ stpes: 5000 });

// A value of the wrong type fails.
// @ts-expect-error lr is a number, not a string
export const wrongType = new TrainModel({ lr: '3e-4' });

// @ts-expect-error a TrainModel is not a Dataset
export const wrongConfig = new TrainModel({ dataset: model });

// @ts-expect-error tags is an array of strings
export const wrongElement = new TrainModel({ tags: [1] });

// replace() with an unknown key fails.
// @ts-expect-error 'stpes' does not exist in the init type of TrainModel
export const replacedMisspelled = model.replace({ stpes: 1 });

// @ts-expect-error steps is a number
export const replacedWrongType = model.replace({ steps: 'many' });

// Members and methods are not init keys.
// @ts-expect-error grenHash is a member, not a field
export const member = new TrainModel({ grenHash: 'x' });

// @ts-expect-error toDict is a method, not a field
export const method = new TrainModel({ toDict: () => ({}) });

// @ts-expect-error the init object is an object
export const notAnObject = new Dataset('toy');
