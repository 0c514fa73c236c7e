import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { breakLockFile, parseLockRecord, readLockFile, tryCreateLockFile } from '../../../lib/src/locking/lock-file';
import { staleLockReason } from '../../../lib/src/locking/stale-lock';

/** The Python gren's lock line (reference sample): `{"pid": 19565, "host": "vm", "created_at": "…", "lock_id": "…"}\n`. */
const PYTHON_LINE =
  /^\{"pid": (\d+), "host": "([^"]+)", "created_at": "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)", "lock_id": "([0-9a-f]{32})"\}\n$/;

describe('lock files (the Python gren kind)', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-lockfile-'));
    file = path.join(dir, '.state.lock');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when the path is free', () => {
    it('should create a file holding exactly the JSON line the Python gren writes, mode 0644', () => {
      const held = tryCreateLockFile(file, new Date('2026-12-07T16:28:21.900Z'))!;

      const text = fs.readFileSync(file, 'utf8');
      const match = PYTHON_LINE.exec(text);
      expect(match).not.toBeNull();
      expect(match!.slice(1)).toEqual([String(process.pid), os.hostname(), '2026-12-07T16:28:21+00:00', held.lockId]);
      expect(fs.statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
      expect(held.isOurs()).toBe(true);
    });

    it('should delete the file on release', () => {
      tryCreateLockFile(file)!.release();

      expect(fs.existsSync(file)).toBe(false);
    });
  });

  describe('when something is already at the path', () => {
    it.each([
      [
        'a Python lock file',
        (p: string) =>
          fs.writeFileSync(
            p,
            '{"pid": 1, "host": "vm", "created_at": "2026-12-07T16:28:21+00:00", "lock_id": "ff05a2288de04885a749ade27af4c0d7"}\n',
          ),
      ],
      ['an empty file', (p: string) => fs.writeFileSync(p, '')],
      ['a directory our previous version left', (p: string) => fs.mkdirSync(p)],
    ])('should not take %s', (_what, make) => {
      make(file);

      expect(tryCreateLockFile(file)).toBeUndefined();
    });
  });

  describe('when our lock was broken and someone else re-created the path', () => {
    it('should leave their lock in place on release, and know it is no longer ours', () => {
      const ours = tryCreateLockFile(file)!;
      expect(breakLockFile(file, readLockFile(file))).toBe(true);
      const theirs = tryCreateLockFile(file)!;

      expect(ours.isOurs()).toBe(false);
      expect(ours.refresh()).toBe(false);
      ours.release();

      expect(readLockFile(file)).toMatchObject({ kind: 'file', record: { lock_id: theirs.lockId } });
    });
  });

  describe('when two breakers judged the same stale lock', () => {
    it('should let only the first delete it: the second leaves the first one fresh lock alone', () => {
      fs.writeFileSync(
        file,
        '{"pid": 1, "host": "elsewhere", "created_at": "2020-01-01T00:00:00+00:00", "lock_id": "0123456789abcdef0123456789abcdef"}\n',
      );
      const seenByBoth = readLockFile(file);

      expect(breakLockFile(file, seenByBoth)).toBe(true);
      const fresh = tryCreateLockFile(file)!;
      expect(breakLockFile(file, seenByBoth)).toBe(false);

      expect(fresh.isOurs()).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['.state.lock']);
    });

    it('should break a previous version directory only while it is the one that was seen', () => {
      fs.mkdirSync(file);
      const seen = readLockFile(file);

      expect(breakLockFile(file, seen)).toBe(true);
      expect(fs.existsSync(file)).toBe(false);
      expect(breakLockFile(file, seen)).toBe(true);
    });
  });

  describe('parseLockRecord', () => {
    it('should read the first line, and give undefined for an empty or half-written one', () => {
      expect(parseLockRecord('{"pid": 7, "host": "vm", "created_at": "x", "lock_id": "y"}\n')).toEqual({
        pid: 7,
        host: 'vm',
        created_at: 'x',
        lock_id: 'y',
      });
      expect(parseLockRecord('')).toBeUndefined();
      expect(parseLockRecord('{"pid": 7, "ho')).toBeUndefined();
      expect(parseLockRecord('[1]')).toBeUndefined();
    });
  });
});

describe(staleLockReason, () => {
  const NOW = Date.parse('2026-12-07T17:00:00Z');
  const rules = (alive: number[] = []) => ({
    hostname: 'here',
    nowMs: NOW,
    staleAfterSec: 60,
    isPidAlive: (pid: number) => alive.includes(pid),
  });
  const file = (host: string | null, pid: number | null, ageSec: number) =>
    ({
      kind: 'file',
      record: { pid, host, created_at: null, lock_id: 'a' },
      mtimeMs: NOW - ageSec * 1000,
      ino: 1,
    }) as const;

  describe('when the holder is a pid of this host', () => {
    it('should break it at once when the pid is dead, and respect it while alive and fresh', () => {
      expect(staleLockReason(file('here', 42, 0), rules())).toBe('its holder, pid 42 on this host, is dead');
      expect(staleLockReason(file('here', 42, 0), rules([42]))).toBeUndefined();
    });

    it('should still break it once older than the limit (the pid may have been reused)', () => {
      expect(staleLockReason(file('here', 42, 61), rules([42]))).toMatch(/^untouched for 61 s/);
    });
  });

  describe('when the holder is on another host', () => {
    it('should judge by age alone: a pid there proves nothing', () => {
      expect(staleLockReason(file('elsewhere', 42, 59), rules())).toBeUndefined();
      expect(staleLockReason(file('elsewhere', 42, 61), rules())).toMatch(/^untouched/);
    });
  });

  describe('when the lock carries no holder (empty, half-written, or a directory of our previous version)', () => {
    it('should judge by age alone', () => {
      expect(staleLockReason({ kind: 'file', record: undefined, mtimeMs: NOW, ino: 1 }, rules())).toBeUndefined();
      expect(staleLockReason({ kind: 'directory', mtimeMs: NOW - 30_000, ino: 1 }, rules())).toBeUndefined();
      expect(staleLockReason({ kind: 'directory', mtimeMs: NOW - 61_000, ino: 1 }, rules())).toMatch(/^untouched/);
    });
  });
});
