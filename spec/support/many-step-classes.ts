import { addedField, Field, Gren, GrenStruct } from 'gren-ts';

export type StepClass = new (init?: Readonly<Record<string, unknown>>) => GrenStruct;

/**
 * Two classes that each gained eight fields, one step each: a config nesting both has
 * 9 x 9 - 1 = 80 combinations of earlier class versions, more than gren tries.
 */
export function declareManyStepClasses(namespace: string): { A: StepClass; B: StepClass } {
  return { A: eightStepClass(`${namespace}.A`), B: eightStepClass(`${namespace}.B`) };
}

function eightStepClass(namespace: string): StepClass {
  @Gren({ namespace, migrations: Array.from({ length: 8 }, (_, index) => addedField(`f${index}`, 0)) })
  class Stepped extends GrenStruct {
    @Field() f0 = 0;
    @Field() f1 = 0;
    @Field() f2 = 0;
    @Field() f3 = 0;
    @Field() f4 = 0;
    @Field() f5 = 0;
    @Field() f6 = 0;
    @Field() f7 = 0;
  }
  return Stepped;
}
