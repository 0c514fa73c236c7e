import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, Gren, GrenObject, MISSING } from 'gren-ts';

/** How many times each class's _create ran in this process (to prove gc kept a cache). */
export const creations: Record<string, number> = {};

abstract class Counted<Self> extends GrenObject<string, Self> {
  protected async _create(): Promise<string> {
    const name = this.constructor.name;
    creations[name] = (creations[name] ?? 0) + 1;
    await this.createDependencies();
    fs.writeFileSync(path.join(this.grenDir, 'out.txt'), `${name} ${this.grenHash}\n`.repeat(this.payloadLines()));
    this.log(`created ${name}`);
    return name;
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'out.txt'), 'utf8').split(' ')[0]!;
  }

  protected createDependencies(): Promise<unknown> {
    return Promise.resolve();
  }

  protected payloadLines(): number {
    return 1;
  }
}

@Gren({ namespace: 'spec.cli.Leaf' })
export class Leaf extends Counted<Leaf> {
  @Field() name: string = 'toy';
  @Field() lines: number = 1;

  protected override payloadLines(): number {
    return this.lines;
  }
}

@Gren({ namespace: 'spec.cli.Middle' })
export class Middle extends Counted<Middle> {
  @Field(() => Leaf) leaf: Leaf = new Leaf();
  @Field({ type: Float }) scale: number = 1;

  protected override createDependencies(): Promise<unknown> {
    return this.leaf.loadOrCreate();
  }
}

@Gren({ namespace: 'spec.cli.Top' })
export class Top extends Counted<Top> {
  @Field(() => Middle) middle: Middle = new Middle();
  @Field() label: string = 'top';

  protected override createDependencies(): Promise<unknown> {
    return this.middle.loadOrCreate();
  }
}

@Gren({ namespace: 'spec.cli.Broken' })
export class Broken extends GrenObject<string, Broken> {
  @Field() message: string = MISSING;

  protected _create(): string {
    throw new TypeError(this.message);
  }

  protected _load(): string {
    return '';
  }
}
