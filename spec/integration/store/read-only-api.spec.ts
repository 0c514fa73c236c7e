import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, GREN_CONFIG, Gren, GrenObject, GrenStateError, MISSING } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';
import { snapshotTree } from './store-snapshot';

let valid = true;

@Gren({ namespace: 'spec.store.api.Probe' })
class Probe extends GrenObject<number, Probe> {
  @Field() n: number = MISSING;

  protected _create(): number {
    fs.writeFileSync(path.join(this.grenDir, 'n.txt'), String(this.n));
    return this.n;
  }

  protected _load(): number {
    return Number(fs.readFileSync(path.join(this.grenDir, 'n.txt'), 'utf8'));
  }

  protected override _validate(): boolean {
    return valid;
  }
}

describe('exists() and getMetadata()', () => {
  const store = useTempStore('gren-api-');

  beforeEach(() => {
    valid = true;
    GREN_CONFIG.ignoreDiff = true;
  });

  describe('when nothing was computed yet', () => {
    it('should answer false from exists() without creating any folder', async () => {
      const before = snapshotTree(store());

      await expect(new Probe({ n: 1 }).exists()).resolves.toBe(false);

      expect(snapshotTree(store())).toEqual(before);
      expect(fs.existsSync(new Probe({ n: 1 }).grenDir)).toBe(false);
    });

    it('should make getMetadata() throw "Metadata not found" naming the file, without creating anything', () => {
      const probe = new Probe({ n: 1 });
      const before = snapshotTree(store());

      expect(() => probe.getMetadata()).toThrow(GrenStateError);
      expect(() => probe.getMetadata()).toThrow(
        `Metadata not found: ${path.join(probe.grenDir, '.gren', 'metadata.json')}`,
      );
      expect(snapshotTree(store())).toEqual(before);
    });
  });

  describe('when the artifact was computed', () => {
    it('should answer true and return the metadata, writing nothing (listings, mtimes and contents unchanged)', async () => {
      const probe = new Probe({ n: 2 });
      await probe.loadOrCreate();
      const before = snapshotTree(store());

      await expect(new Probe({ n: 2 }).exists()).resolves.toBe(true);
      const metadata = new Probe({ n: 2 }).getMetadata();

      expect(metadata.gren_hash).toBe(probe.grenHash);
      expect(metadata.gren_obj).toEqual(probe.toDict());
      expect(snapshotTree(store())).toEqual(before);
    });

    it('should answer false from exists() when _validate says no, without invalidating anything', async () => {
      const probe = new Probe({ n: 3 });
      await probe.loadOrCreate();
      valid = false;
      const before = snapshotTree(store());

      await expect(probe.exists()).resolves.toBe(false);

      expect(snapshotTree(store())).toEqual(before);
    });
  });

  describe('when the result is loaded again (a cache hit)', () => {
    it('should write nothing at all: state.json, events, logs and folders unchanged', async () => {
      await new Probe({ n: 4 }).loadOrCreate();
      const before = snapshotTree(store());

      await expect(new Probe({ n: 4 }).loadOrCreate()).resolves.toBe(4);
      await expect(new Probe({ n: 4 }).loadOrCreate()).resolves.toBe(4);

      expect(snapshotTree(store())).toEqual(before);
    });
  });
});
