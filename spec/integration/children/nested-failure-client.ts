import { Field, Gren, GrenObject, printUncaughtGrenErrors } from 'gren-ts';

/**
 * A failure three configs deep, the way a user meets it:
 *   node nested-failure-client.js uncaught   lets the error escape, printed by gren (printUncaughtGrenErrors)
 *   node nested-failure-client.js inspect    catches it and prints it with console.error
 * It first prints one JSON line with the three hashes.
 */
function parseRow(row: string): number {
  throw new RangeError(`cannot parse "${row}"`);
}

@Gren({ namespace: 'spec.errors.nested.Leaf' })
export class Leaf extends GrenObject<number, Leaf> {
  @Field() row: string = 'row 1';

  protected _create(): number {
    return parseRow(this.row);
  }

  protected _load(): number {
    return 0;
  }
}

@Gren({ namespace: 'spec.errors.nested.Middle' })
export class Middle extends GrenObject<number, Middle> {
  @Field() leaf: Leaf = new Leaf();

  protected async _create(): Promise<number> {
    return (await this.leaf.loadOrCreate()) + 1;
  }

  protected _load(): number {
    return 0;
  }
}

@Gren({ namespace: 'spec.errors.nested.Top' })
export class Top extends GrenObject<number, Top> {
  @Field() middle: Middle = new Middle();

  protected async _create(): Promise<number> {
    return (await this.middle.loadOrCreate()) + 1;
  }

  protected _load(): number {
    return 0;
  }
}

async function main(): Promise<void> {
  const top = new Top();
  const hashes = { top: top.grenHash, middle: top.middle.grenHash, leaf: top.middle.leaf.grenHash };
  process.stdout.write(`${JSON.stringify(hashes)}\n`);
  if (process.argv[2] === 'inspect') {
    await top.loadOrCreate().catch((error: unknown) => console.error(error));
    return;
  }
  printUncaughtGrenErrors();
  await top.loadOrCreate();
}

void main();
