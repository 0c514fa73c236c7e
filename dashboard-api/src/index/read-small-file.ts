import * as fs from 'node:fs';

/** A reusable buffer for the many small files the index reads (open, read, close: no stat). */
export class SmallFileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** The file as UTF-8 text, or undefined when it does not exist (or a path part is not a folder). */
  read(file: string, withSignature = false): { text: string; signature: string | null } | undefined {
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
      throw error;
    }
    try {
      const signature = withSignature ? statSignature(fs.fstatSync(fd)) : null;
      let length = fs.readSync(fd, this.buffer, 0, this.buffer.length, 0);
      while (length === this.buffer.length) {
        const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
        this.buffer.copy(bigger, 0, 0, length);
        this.buffer = bigger;
        length += fs.readSync(fd, this.buffer, length, this.buffer.length - length, length);
      }
      return { text: this.buffer.toString('utf8', 0, length), signature };
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** mtime, size and inode: changes whenever gren rewrites (or replaces) a file. */
export function statSignature(stats: fs.Stats): string {
  return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
}
