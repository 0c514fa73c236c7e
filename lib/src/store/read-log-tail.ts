import * as fs from 'node:fs';

export interface LogTail {
  exists: boolean;
  sizeBytes: number;
  /** The last lines, oldest first, without their line breaks. */
  lines: string[];
  /** More lines precede the ones returned. */
  truncated: boolean;
}

const CHUNK = 64 * 1024;
/** Never read more than this from the end of a log, however long its lines. */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The last `count` lines of a log, read backwards in chunks so a huge log costs no more than
 * its tail, and never more than its last 16 MiB (a line longer than that is not shown). A
 * symbolic link is not followed (the log must be a file of the store): it reads as no log.
 */
export function readLogTail(file: string, count: number): LogTail {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP')
      return { exists: false, sizeBytes: 0, lines: [], truncated: false };
    throw error;
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) return { exists: false, sizeBytes: 0, lines: [], truncated: false };
    const size = stats.size;
    const chunks: Buffer[] = [];
    let position = size;
    let newlines = 0;
    let read = 0;
    // One more line break than lines wanted tells where the first wanted line starts.
    while (position > 0 && newlines <= count && read < MAX_BYTES) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.allocUnsafe(length);
      fs.readSync(fd, chunk, 0, length, position);
      chunks.unshift(chunk);
      read += length;
      for (let i = 0; i < length; i += 1) if (chunk[i] === 0x0a) newlines += 1;
    }
    let text = Buffer.concat(chunks).toString('utf8');
    if (text.endsWith('\n')) text = text.slice(0, -1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const all =
      text.length === 0 && position === 0
        ? []
        : text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    // When we stopped early, the first piece may be the end of a longer line: drop it.
    const complete = position > 0 ? all.slice(1) : all;
    const lines = count > 0 ? complete.slice(-count) : [];
    return { exists: true, sizeBytes: size, lines, truncated: position > 0 || complete.length > lines.length };
  } finally {
    fs.closeSync(fd);
  }
}
