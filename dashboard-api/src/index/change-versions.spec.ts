import { ChangeVersions } from './change-versions';

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe(ChangeVersions, () => {
  it('should ignore changes before the initial scan is done', async () => {
    const versions = new ChangeVersions();
    versions.touch(true);
    await nextTick();
    expect([versions.version, versions.listVersion]).toEqual([0, 0]);
    versions.markScanned();
    expect([versions.version, versions.listVersion]).toEqual([1, 1]);
  });

  it('should move once a tick for all its changes, listVersion only for list changes', async () => {
    const versions = new ChangeVersions();
    const seen: number[] = [];
    versions.changes.subscribe((version) => seen.push(version));
    versions.markScanned();
    versions.touch(false);
    versions.touch(false);
    await nextTick();
    expect([versions.version, versions.listVersion]).toEqual([2, 1]);
    versions.touch(false);
    versions.touch(true);
    await nextTick();
    expect([versions.version, versions.listVersion]).toEqual([3, 2]);
    versions.bumpNow();
    expect([versions.version, versions.listVersion]).toEqual([4, 3]);
    expect(seen).toEqual([2, 3, 4]);
  });

  it('should announce nothing once stopped', async () => {
    const versions = new ChangeVersions();
    let completed = false;
    versions.changes.subscribe({ complete: () => (completed = true) });
    versions.markScanned();
    versions.touch(true);
    versions.stop();
    await nextTick();
    expect(completed).toBe(true);
    expect(versions.version).toBe(1);
  });
});
