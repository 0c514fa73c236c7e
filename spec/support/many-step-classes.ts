import { addedField, Field, Gren, GrenStruct } from 'gren-ts';

export type StepClass = new (init?: Readonly<Record<string, unknown>>) => GrenStruct;

/**
 * Two classes that each gained eight fields, one step each: a config nesting both has
 * 9 x 9 - 1 = 80 combinations of earlier class versions, more than gren tries.
 */
export function declareManyStepClasses(namespace: string): { A: StepClass; B: StepClass } {
  const steps = (prefix: string): ReturnType<typeof addedField>[] => Array.from({ length: 8 }, (_, index) => addedField(`${prefix}${index}`, 0));
  @Gren({ namespace: `${namespace}.A`, migrations: steps('a') })
  class A extends GrenStruct {
    @Field() a0 = 0;
    @Field() a1 = 0;
    @Field() a2 = 0;
    @Field() a3 = 0;
    @Field() a4 = 0;
    @Field() a5 = 0;
    @Field() a6 = 0;
    @Field() a7 = 0;
  }
  @Gren({ namespace: `${namespace}.B`, migrations: steps('b') })
  class B extends GrenStruct {
    @Field() b0 = 0;
    @Field() b1 = 0;
    @Field() b2 = 0;
    @Field() b3 = 0;
    @Field() b4 = 0;
    @Field() b5 = 0;
    @Field() b6 = 0;
    @Field() b7 = 0;
  }
  return { A, B };
}
