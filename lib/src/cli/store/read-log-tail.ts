import * as fs from 'node:fs';

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** The last `lines` lines of a text file (read from its end), or [] when there is none. */
export function readLogTail(file: string, lines: number): string[] {
  if (lines <= 0) return [];
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    let position = fs.fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let newlines = 0;
    while (position > 0 && newlines <= lines + 1) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      fs.readSync(fd, chunk, 0, length, position);
      chunks.unshift(chunk);
      for (const byte of chunk) if (byte === NEWLINE) newlines += 1;
    }
    const all = Buffer.concat(chunks).toString('utf8').replace(/\n$/, '').split('\n');
    if (all.length === 1 && all[0] === '') return [];
    return all.slice(Math.max(0, all.length - lines));
  } finally {
    fs.closeSync(fd);
  }
}
