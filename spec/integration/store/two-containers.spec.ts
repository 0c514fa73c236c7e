import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createGrenContainer,
  Field,
  Gren,
  GREN_CONFIG,
  GrenObject,
  MISSING,
  readState,
  type GrenSettings,
} from 'gren-ts';
import type { DependencyContainer } from 'tsyringe';
import { runChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';

jest.setTimeout(120_000);

@Gren({ namespace: 'spec.store.containers.Leaf' })
class Leaf extends GrenObject<number, Leaf> {
  @Field() n: number = MISSING;

  protected _create(): number {
    fs.writeFileSync(path.join(this.grenDir, 'leaf.txt'), String(this.n));
    return this.n;
  }

  protected _load(): number {
    return Number(fs.readFileSync(path.join(this.grenDir, 'leaf.txt'), 'utf8'));
  }
}

/** Loads its leaf inside _create, writes into grenDir and the store's raw folder. */
@Gren({ namespace: 'spec.store.containers.Root' })
class Root extends GrenObject<string, Root> {
  @Field() leaf: Leaf = MISSING;

  protected async _create(): Promise<string> {
    const n = await this.leaf.loadOrCreate();
    fs.mkdirSync(this.rawDir, { recursive: true });
    fs.writeFileSync(path.join(this.rawDir, 'root.txt'), this.grenDir);
    fs.writeFileSync(path.join(this.grenDir, 'root.txt'), `${this.grenDir} ${n}`);
    return this.grenDir;
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'root.txt'), 'utf8');
  }
}

function artifactDir(store: string, namespace: string, hash: string): string {
  return path.join(store, 'data', ...namespace.split('.'), hash);
}

describe('two containers with two store roots in one process', () => {
  const activeStore = useTempStore('gren-containers-active-');
  let stores: string[];
  let containers: DependencyContainer[];

  beforeEach(() => {
    GREN_CONFIG.ignoreDiff = true;
    stores = ['a', 'b'].map((name) => fs.mkdtempSync(path.join(os.tmpdir(), `gren-containers-${name}-`)));
    containers = stores.map((basePath) => {
      const settings: GrenSettings = { ...GREN_CONFIG, forceRecompute: new Set(), basePath };
      return createGrenContainer({ settings });
    });
  });

  afterEach(() => {
    for (const store of stores) fs.rmSync(store, { recursive: true, force: true });
  });

  describe('when the same config is computed in both at the same time', () => {
    it("should write each artifact, its dependency and the raw file under that container's root only", async () => {
      const root = new Root({ leaf: new Leaf({ n: 7 }) });

      const results = await Promise.all(containers.map((container) => root.loadOrCreate({ container })));

      stores.forEach((store, index) => {
        const rootDir = artifactDir(store, 'spec.store.containers.Root', root.grenHash);
        const leafDir = artifactDir(store, 'spec.store.containers.Leaf', root.leaf.grenHash);
        expect(results[index]).toBe(rootDir);
        expect(fs.readFileSync(path.join(rootDir, 'root.txt'), 'utf8')).toBe(`${rootDir} 7`);
        expect(fs.readFileSync(path.join(leafDir, 'leaf.txt'), 'utf8')).toBe('7');
        expect(fs.readFileSync(path.join(store, 'raw', 'root.txt'), 'utf8')).toBe(rootDir);
        expect(readState(path.join(rootDir, '.gren', 'state.json')).result.status).toBe('success');
        expect(readState(path.join(leafDir, '.gren', 'state.json')).result.status).toBe('success');
      });
      expect(fs.readdirSync(activeStore())).toEqual([]);
    });

    it("should give grenDir under the active container's root outside loadOrCreate", async () => {
      const leaf = new Leaf({ n: 1 });

      await leaf.loadOrCreate({ container: containers[0]! });

      expect(leaf.grenDir).toBe(artifactDir(activeStore(), 'spec.store.containers.Leaf', leaf.grenHash));
      expect(leaf.rawDir).toBe(path.join(activeStore(), 'raw'));
      await expect(leaf.exists()).resolves.toBe(false);
    });
  });

  describe('when a job is submitted to a ProcessExecutor in a second container', () => {
    it("should compute in the second container's store and wait() there, outside the submitting call", async () => {
      const other = stores[1]!;

      const result = await runChild('container-client.js', [other, '5'], {
        GREN_PATH: activeStore(),
        GREN_IGNORE_DIFF: '1',
        GREN_POLL_INTERVAL_SECS: '0.2',
      });

      expect(result.stderr).toBe('');
      const output = JSON.parse(result.stdout) as { value: number; activeGrenDir: string };
      expect(output.value).toBe(25);
      const namespaceDir = path.join(other, 'data', 'spec', 'children', 'SlowSquare');
      const [hash] = fs.readdirSync(namespaceDir);
      expect(readState(path.join(namespaceDir, hash!, '.gren', 'state.json')).attempt).toMatchObject({
        backend: 'process',
        status: 'success',
      });
      expect(output.activeGrenDir).toBe(path.join(activeStore(), 'data', 'spec', 'children', 'SlowSquare', hash!));
      expect(fs.existsSync(path.join(activeStore(), 'data'))).toBe(false);
    });
  });
});
