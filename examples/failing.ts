import { Field, Gren, GrenComputeError, GrenObject } from 'gren-ts';

/** A step that fails: the dashboard shows its error and stack trace. */
@Gren()
export class DivideByZero extends GrenObject<number, DivideByZero> {
  @Field() numerator: number = 1;

  protected _create(): number {
    throw new RangeError(`cannot divide ${this.numerator} by zero`);
  }

  protected _load(): number {
    return Number.NaN;
  }
}

async function main(): Promise<void> {
  try {
    await new DivideByZero().loadOrCreate();
  } catch (error) {
    if (!(error instanceof GrenComputeError)) throw error;
    console.log(`failed as expected: ${(error.cause as Error).message}`);
    console.log(`state: ${error.statePath}`);
  }
}

void main();
