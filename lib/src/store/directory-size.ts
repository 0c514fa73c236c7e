import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bytes of every file below `directory` (apparent sizes, as `du -sb`; links not followed). */
export function directorySize(directory: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      total += directorySize(full);
      continue;
    }
    try {
      total += fs.lstatSync(full).size;
    } catch {
      // Gone while we looked: it takes no space any more.
    }
  }
  return total;
}
