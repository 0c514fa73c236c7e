import * as fs from 'node:fs';
import * as path from 'node:path';
import { addedField, Field, Float, Gren, GrenObject, MISSING } from 'gren-ts';

/**
 * The Python reference store's Leaf, Middle and Top as a TypeScript codebase changed them
 * later: Leaf gained `weight` (stored Leafs behaved as weight = 1). Results are read from the
 * `value.txt` the Python gren wrote; a `_create` here would say so.
 */
abstract class ValueFile extends GrenObject<string> {
  protected _create(): string {
    const value = `computed by TypeScript ${process.pid}`;
    fs.writeFileSync(path.join(this.grenDir, 'value.txt'), value);
    if (process.env.SPEC_CALLS_FILE) fs.appendFileSync(process.env.SPEC_CALLS_FILE, `${this.constructor.name}\n`);
    return value;
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8');
  }
}

@Gren({ namespace: 'refstore.pipelines.Leaf', migrations: [addedField('weight', 1)] })
export class Leaf extends ValueFile {
  @Field() value: number = MISSING;
  @Field() name: string = 'leaf';
  @Field() weight: number = 1;
}

@Gren({ namespace: 'refstore.pipelines.Middle' })
export class Middle extends ValueFile {
  @Field(() => Leaf) leaf: Leaf = MISSING;
  @Field({ type: Float }) scale: number = 1;
}

@Gren({ namespace: 'refstore.pipelines.Top' })
export class Top extends ValueFile {
  @Field(() => Middle) middle: Middle = MISSING;
  @Field() label: string = 'top';
  @Field({ type: Object }) extra: Record<string, unknown> = {};
}

export const classes = { Leaf, Middle, Top };
