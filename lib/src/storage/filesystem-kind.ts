import * as fs from 'node:fs';
import * as path from 'node:path';

/** Linux statfs magic of FUSE mounts (sshfs, cloud-bucket mounts, ...): treated as network. */
export const FUSE_SUPER_MAGIC = 0x65735546;

/**
 * Filesystems (Linux statfs magic numbers) whose stat() and reads are coherent with every
 * writer: local disks and memory. Everything else — NFS, SMB, Lustre, and FUSE mounts such
 * as sshfs — may answer stat() from an attribute cache, and cut a read of a replaced file at
 * its cached old length.
 */
export const LOCAL_FILESYSTEM_TYPES: ReadonlySet<number> = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
]);

/**
 * Whether `target` lies on a local filesystem (a path not created yet: its nearest existing
 * folder); false when statfs fails otherwise (assume the weaker one).
 */
export function isOnLocalFilesystem(target: string, localTypes: ReadonlySet<number> = LOCAL_FILESYSTEM_TYPES): boolean {
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    try {
      return localTypes.has(fs.statfsSync(current).type);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing || current === path.dirname(current)) return false;
    }
  }
}
