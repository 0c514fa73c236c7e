import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject } from 'gren-ts';

/** The squares of 0..count-1, kept in squares.json inside the artifact's folder. */
@Gren()
export class Squares extends GrenObject<number[], Squares> {
  @Field() count: number = 10;

  protected _create(): number[] {
    const squares = Array.from({ length: this.count }, (_, index) => index * index);
    fs.writeFileSync(path.join(this.grenDir, 'squares.json'), JSON.stringify(squares));
    return squares;
  }

  protected _load(): number[] {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'squares.json'), 'utf8')) as number[];
  }
}
