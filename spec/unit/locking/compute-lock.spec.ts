import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArtifactPaths } from 'gren-ts';
import { ComputeLockService } from '../../../lib/src/locking/compute-lock';

const TIMING = { staleSec: 120, updateSec: 40 };

function pythonLock(file: string, pid: number, host: string): void {
  fs.writeFileSync(
    file,
    `{"pid": ${pid}, "host": "${host}", "created_at": "2026-12-07T16:28:21+00:00", "lock_id": "${'d'.repeat(32)}"}\n`,
  );
}

function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
}

describe(ComputeLockService, () => {
  const service = new ComputeLockService();
  let dir: string;
  let paths: ArtifactPaths;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-compute-lock-'));
    paths = new ArtifactPaths(dir);
    fs.mkdirSync(paths.internalDir);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when the lock is free', () => {
    it('should take it as a Python lock file, and delete it on release', async () => {
      const lock = (await service.tryAcquire(paths, TIMING))!;

      expect(JSON.parse(fs.readFileSync(paths.computeLock, 'utf8'))).toMatchObject({
        pid: process.pid,
        lock_id: lock.lockId,
      });
      expect(lock.lost).toBe(false);
      await lock.release();
      expect(fs.existsSync(paths.computeLock)).toBe(false);
    });
  });

  describe('when a live holder has it', () => {
    it.each([
      ['of this host', os.hostname(), process.pid],
      ['of another host, fresh', 'other-host', 1],
    ])('should not take a lock %s', async (_what, host, pid) => {
      pythonLock(paths.computeLock, pid, host);

      await expect(service.tryAcquire(paths, TIMING)).resolves.toBeUndefined();
      expect(fs.readFileSync(paths.computeLock, 'utf8')).toContain(`"host": "${host}"`);
    });
  });

  describe('when the holder no active attempt accounts for is gone', () => {
    it('should break the lock of a dead pid of this host and take it', async () => {
      pythonLock(paths.computeLock, deadPid(), os.hostname());

      const lock = await service.tryAcquire(paths, TIMING);

      expect(lock).toBeDefined();
      await lock!.release();
    });
  });

  describe('when our lock was broken and taken by another process', () => {
    it('should report it lost and leave the new holder its lock on release', async () => {
      const ours = (await service.tryAcquire(paths, TIMING))!;
      service.breakLock(paths);
      const theirs = (await service.tryAcquire(paths, TIMING))!;

      expect(ours.lost).toBe(true);
      await ours.release();
      expect(theirs.lost).toBe(false);
      await theirs.release();
    });
  });
});
