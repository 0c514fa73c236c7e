import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';

/**
 * Leaves `created.<host>.<pid>.<random>` in the artifact folder: one file per `_create` call,
 * counted by the tests from the server's side (appending to one shared file from several
 * sshfs mounts is not reliable).
 */
function noteCreate(dir: string): void {
  fs.writeFileSync(path.join(dir, `created.${os.hostname()}.${process.pid}.${randomUUID().slice(0, 8)}`), '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A trivial artifact: k squared. */
@Gren({ namespace: 'spec.multihost.Base' })
export class Base extends GrenObject<number, Base> {
  @Field() k: number = MISSING;

  protected _create(): number {
    noteCreate(this.grenDir);
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(this.k * this.k));
    return this.k * this.k;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as number;
  }
}

/** Depends on two shared Base artifacts: i + a + b. */
@Gren({ namespace: 'spec.multihost.Combined' })
export class Combined extends GrenObject<number, Combined> {
  @Field() i: number = MISSING;
  @Field(() => Base) a: Base = MISSING;
  @Field(() => Base) b: Base = MISSING;

  protected async _create(): Promise<number> {
    const value = this.i + (await this.a.loadOrCreate()) + (await this.b.loadOrCreate());
    noteCreate(this.grenDir);
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(value));
    return value;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as number;
  }
}

/**
 * Works for `workMs` (not part of the hash). Writes `started.<host>.<pid>` first, so a test
 * knows which host is inside `_create`.
 */
@Gren({ namespace: 'spec.multihost.Slow' })
export class Slow extends GrenObject<string, Slow> {
  @Field() k: number = MISSING;
  @Field({ hash: false }) workMs: number = 1000;

  protected async _create(): Promise<string> {
    noteCreate(this.grenDir);
    fs.writeFileSync(path.join(this.grenDir, `started.${os.hostname()}.${process.pid}`), '');
    await sleep(this.workMs);
    const value = `slow ${this.k} by ${os.hostname()}`;
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(value));
    return value;
  }

  protected _load(): string {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as string;
  }
}

/** Config ids: `b<k>` is Base k; `c<i>` is Combined i on Base(i % bases) and Base((7i + 3) % bases). */
export function configOf(id: string, bases: number, workMs: number): { loadOrCreate(): Promise<unknown> } {
  const n = Number(id.slice(1));
  if (id.startsWith('b')) return new Base({ k: n });
  if (id.startsWith('c'))
    return new Combined({ i: n, a: new Base({ k: n % bases }), b: new Base({ k: (7 * n + 3) % bases }) });
  if (id.startsWith('s')) return new Slow({ k: n, workMs });
  throw new Error(`unknown config id ${id}: use b<k>, c<i> or s<k>`);
}
