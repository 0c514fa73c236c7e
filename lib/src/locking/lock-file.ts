import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { stringifyPythonJson } from '../serialization/python-json';
import { isoSeconds } from '../storage/iso-time';
import { hostName } from './host-name';

/** The JSON line the Python gren writes into a lock file (we write the same). */
export interface LockRecord {
  pid: number | null;
  host: string | null;
  created_at: string | null;
  lock_id: string | null;
}

/**
 * What sits at a lock path: nothing; a lock file (its record, or undefined when it is empty
 * or half-written); or a directory, as the previous version of this library left (a
 * proper-lockfile mkdir lock), which carries no holder information.
 */
export type LockSighting =
  | { kind: 'absent' }
  | { kind: 'file'; record: LockRecord | undefined; mtimeMs: number; ino: number }
  | { kind: 'directory'; mtimeMs: number; ino: number };

/** A lock file we created. Its `lock_id` tells it apart from a lock someone re-created after breaking ours. */
export class HeldLockFile {
  constructor(
    readonly path: string,
    readonly lockId: string,
    /** Set when the JSON line could not be written (a full disk): the empty file is then known by its inode. */
    private readonly emptyIno?: number,
  ) {}

  /** Whether the file at the path is still the one we created. */
  isOurs(): boolean {
    if (this.emptyIno !== undefined) {
      const sighting = readLockFile(this.path);
      return sighting.kind === 'file' && sighting.record === undefined && sighting.ino === this.emptyIno;
    }
    // Our lock_id is unique, so its text alone proves the file ours: one read, no stat
    // (absent, a directory or unreadable: not ours).
    const line = readFirstLine(this.path);
    return line !== undefined && parseLockRecord(line)?.lock_id === this.lockId;
  }

  /** Bumps the file's mtime, so age-based breaking never takes a live holder's lock. false when it is no longer ours. */
  refresh(now = new Date()): boolean {
    if (!this.isOurs()) return false;
    try {
      fs.utimesSync(this.path, now, now);
      return true;
    } catch {
      return false;
    }
  }

  /** Deletes the file, only while it is still ours (another process may have broken it and taken the path). */
  release(): void {
    if (this.isOurs()) unlinkIfPresent(this.path);
  }
}

/**
 * Takes the lock at `file` as the Python gren does: an exclusive create (O_CREAT|O_EXCL,
 * mode 0644, atomic on local filesystems and on NFS v3+/SFTP) holding one JSON line
 * `{"pid", "host", "created_at", "lock_id"}` and a newline. undefined when something (a
 * file or a directory) is already there.
 */
export function tryCreateLockFile(file: string, now = new Date()): HeldLockFile | undefined {
  const fd = createExclusive(file);
  if (fd === undefined) return undefined;
  const lockId = randomUUID().replace(/-/g, '');
  const record: LockRecord = { pid: process.pid, host: hostName(), created_at: isoSeconds(now), lock_id: lockId };
  try {
    // One write of ~130 bytes: readers never see half a line on a local filesystem.
    fs.writeSync(fd, `${stringifyPythonJson(record, { spaced: true })}\n`);
  } catch (error) {
    // On a full disk the exclusive create still holds the lock; readers of either language
    // treat an empty lock as one without holder information (the age rule). The caller's own
    // write then reports the full disk, naming its file.
    const code = (error as NodeJS.ErrnoException).code;
    const ino = fs.fstatSync(fd).ino;
    fs.closeSync(fd);
    if (code === 'ENOSPC' || code === 'EDQUOT') return new HeldLockFile(file, lockId, ino);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return new HeldLockFile(file, lockId);
}

/**
 * The descriptor of a file created exclusively; undefined when something is there. Over
 * sshfs an exclusive create that loses to another host's fails with EPERM, not EEXIST (SFTP
 * reports only a generic failure), so EPERM with something at the path means taken; EPERM
 * with nothing there (the holder released meanwhile) is tried again.
 */
function createExclusive(file: string): number | undefined {
  for (let tries = 1; ; tries += 1) {
    try {
      return fs.openSync(file, 'wx', 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'EISDIR') return undefined;
      if (code !== 'EPERM') throw error;
      if (fs.existsSync(file)) return undefined;
      if (tries >= 3) throw error;
    }
  }
}

/** Enough for any lock line either language writes; a longer file is read to its end. */
const LOCK_READ_BYTES = 1024;

/**
 * The text of a lock file up to its first newline (all of it when it has none): one read(2)
 * for a whole lock line, where reading the file to its end would take a second one to see
 * the end. undefined when it cannot be read (absent, a directory).
 */
function readFirstLine(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(LOCK_READ_BYTES);
      const length = fs.readSync(fd, chunk, 0, LOCK_READ_BYTES, null);
      if (length === 0) break;
      chunks.push(chunk.subarray(0, length));
      if (chunk.subarray(0, length).includes(0x0a)) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** What is at a lock path now. */
export function readLockFile(file: string): LockSighting {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { kind: 'absent' };
  }
  if (stat.isDirectory()) return { kind: 'directory', mtimeMs: stat.mtimeMs, ino: stat.ino };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { kind: 'absent' };
  }
  return { kind: 'file', record: parseLockRecord(text), mtimeMs: stat.mtimeMs, ino: stat.ino };
}

/** The first line's record; undefined when it is empty, half-written or not a lock record. */
export function parseLockRecord(text: string): LockRecord | undefined {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  if (line === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return {
    pid: Number.isInteger(record.pid) ? (record.pid as number) : null,
    host: typeof record.host === 'string' ? record.host : null,
    created_at: typeof record.created_at === 'string' ? record.created_at : null,
    lock_id: typeof record.lock_id === 'string' ? record.lock_id : null,
  };
}

/**
 * Removes the lock that was `seen`, and only that one: it is first renamed to a name of its
 * own, so two breakers can never both delete (the second would delete the first one's fresh
 * lock). If what was renamed turns out to be another lock (re-created since it was seen), it
 * is put back. Returns whether the seen lock is gone.
 */
export function breakLockFile(file: string, seen: LockSighting): boolean {
  if (seen.kind === 'absent') return true;
  const aside = `${file}.broken-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (!isSameLock(readLockFile(aside), seen)) {
    restore(aside, file);
    return false;
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return true;
}

/** The lock_id identifies a lock file (inode numbers are not stable on every network filesystem); the inode, the rest. */
function isSameLock(now: LockSighting, seen: LockSighting): boolean {
  if (now.kind !== seen.kind || now.kind === 'absent' || seen.kind === 'absent') return false;
  const seenId = seen.kind === 'file' ? seen.record?.lock_id : undefined;
  const nowId = now.kind === 'file' ? now.record?.lock_id : undefined;
  if (seenId) return nowId === seenId;
  return now.ino === seen.ino;
}

/** Puts a lock taken aside by mistake back at its path, unless a newer one already sits there. */
function restore(aside: string, file: string): void {
  try {
    fs.linkSync(aside, file);
    fs.rmSync(aside, { force: true });
  } catch {
    // A directory cannot be hard-linked, or a newer lock was created: rename back only onto nothing.
    if (!fs.existsSync(file)) fs.renameSync(aside, file);
    else fs.rmSync(aside, { recursive: true, force: true });
  }
}

/** Deletes a file; one that is already gone is fine. */
function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
