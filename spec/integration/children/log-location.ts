import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Field, Gren, GrenObject, getLogger, setGrenRoot } from 'gren-ts';

/** Type-only declarations vanish from the JavaScript, so its lines differ from these. */
interface Unused {
  a: number;
  b: string;
}
type AlsoUnused = Unused & { c: boolean };

@Gren({ namespace: 'spec.children.Located' })
class Located extends GrenObject<string, Located> {
  @Field() name: string = 'here';

  protected _create(): string {
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

/**
 * Run with ts-node: `node -r ts-node/register/transpile-only log-location.ts`. Logs from
 * known lines of this TypeScript file (marked LINE:<tag>) so a test can compare.
 */
async function main(): Promise<void> {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-located-'));
  setGrenRoot(store);
  const unused: AlsoUnused | undefined = undefined;
  void unused;
  await new Located().loadOrCreate(); // LINE:create
  await new Located().loadOrCreate(); // LINE:hit
  getLogger('spec').warning('user warning'); // LINE:user
  fs.rmSync(store, { recursive: true, force: true });
}

void main();
