/**
 * What the create benchmark's local store sits on, printed beside its figures: the
 * filesystem type and, for ext4, whether it has a journal. Without a journal, ext4's inode
 * allocator passes over every inode of the group deleted in the last 30 to 60 seconds
 * (it will not reuse them yet), so each new file costs more the more files were deleted
 * recently. A run of back-to-back creates deletes lock files and replaced states at a high
 * rate, and its creates slow down as it goes, ours, the floor's and the Python gren's alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DiskFacts {
  filesystem: string;
  /**
   * Median time to create one empty file there, measured before the run: on ext4 without a
   * journal it tells how many recent deletions each new file must pass over.
   */
  newFileUs: number;
  /** ext4 only: false when the filesystem was made or mounted without a journal. */
  journal?: boolean;
  summary: string;
}

interface Mount {
  mountPoint: string;
  type: string;
  source: string;
}

/** The mount holding `target` (the longest mount point that contains it), from /proc/self/mountinfo. */
function mountOf(target: string): Mount | undefined {
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return undefined;
  }
  const resolved = fs.realpathSync(target);
  let best: Mount | undefined;
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    const mountPoint = left?.split(' ')[4];
    const [type, source] = right?.split(' ') ?? [];
    if (mountPoint === undefined || type === undefined || source === undefined) continue;
    const contains = resolved === mountPoint || resolved.startsWith(mountPoint === '/' ? '/' : `${mountPoint}/`);
    if (contains && (best === undefined || mountPoint.length >= best.mountPoint.length))
      best = { mountPoint, type, source };
  }
  return best;
}

/** ext4 reports its journal thread in sysfs, `<none>` when it has no journal. */
function ext4HasJournal(source: string): boolean | undefined {
  try {
    const task = fs.readFileSync(path.join('/sys/fs/ext4', path.basename(source), 'journal_task'), 'utf8');
    return task.trim() !== '<none>';
  } catch {
    return undefined;
  }
}

/** Creates `count` empty files in a new folder under `target` (left for the caller's cleanup: deleting them now would slow the run). */
function newFileMedianUs(target: string, count = 200): number {
  const folder = fs.mkdtempSync(path.join(target, 'new-file-probe-'));
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = process.hrtime.bigint();
    fs.closeSync(fs.openSync(path.join(folder, String(index)), 'wx'));
    times.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(count / 2)] ?? Number.NaN).toFixed(1));
}

export function diskFacts(target: string): DiskFacts {
  const newFileUs = newFileMedianUs(target);
  const mount = mountOf(target);
  if (mount === undefined) return { filesystem: 'unknown', newFileUs, summary: 'unknown' };
  if (mount.type !== 'ext4') return { filesystem: mount.type, newFileUs, summary: mount.type };
  const journal = ext4HasJournal(mount.source);
  if (journal === undefined) return { filesystem: 'ext4', newFileUs, summary: 'ext4' };
  const summary = journal ? 'ext4 with a journal' : 'ext4 without a journal';
  return { filesystem: 'ext4', journal, newFileUs, summary };
}
