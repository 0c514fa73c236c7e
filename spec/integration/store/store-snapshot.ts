import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every entry under `root` (relative path → kind, mtime, size and content digest), to prove nothing was written. */
export function snapshotTree(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  if (!fs.existsSync(root)) return entries;
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = fs.lstatSync(full);
      const relative = path.relative(root, full);
      if (stat.isDirectory()) {
        entries[relative] = `dir mtime=${stat.mtimeMs}`;
        walk(full);
      } else {
        const digest = createHash('sha256').update(fs.readFileSync(full)).digest('hex').slice(0, 16);
        entries[relative] = `file mtime=${stat.mtimeMs} size=${stat.size} sha=${digest}`;
      }
    }
  };
  walk(root);
  return entries;
}
