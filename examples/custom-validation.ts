import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject } from 'gren-ts';

/** A result is only reused while its output file is intact: otherwise gren recomputes it. */
@Gren()
export class WordCount extends GrenObject<number, WordCount> {
  @Field() text: string = 'the quick brown fox';

  private get outputFile(): string {
    return path.join(this.grenDir, 'count.txt');
  }

  protected _create(): number {
    const count = this.text.split(/\s+/).length;
    fs.writeFileSync(this.outputFile, String(count));
    return count;
  }

  protected _load(): number {
    return Number(fs.readFileSync(this.outputFile, 'utf8'));
  }

  protected override _validate(): boolean {
    return fs.existsSync(this.outputFile) && /^\d+$/.test(fs.readFileSync(this.outputFile, 'utf8'));
  }
}

async function main(): Promise<void> {
  const count = new WordCount();
  await count.loadOrCreate();
  fs.writeFileSync(path.join(count.grenDir, 'count.txt'), 'corrupted');
  console.log(`exists after corruption: ${String(await count.exists())}`);
  console.log(`recomputed: ${await count.loadOrCreate()}`);
}

void main();
