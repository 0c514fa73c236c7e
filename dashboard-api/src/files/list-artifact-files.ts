import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArtifactFile } from '../contract/insight-types';
import { capOf, fileKind } from './file-kind';

/** At most this many files are listed. */
export const MAX_LISTED_FILES = 2000;
const MAX_DEPTH = 16;

/**
 * The regular files under an artifact directory, gren's `.gren/` folder left out, sorted by
 * path. Symbolic links are neither listed nor followed, so nothing outside the directory is
 * ever read; folders that vanish or cannot be read are skipped.
 */
export function listArtifactFiles(directory: string): { files: ArtifactFile[]; truncated: boolean } {
  const files: ArtifactFile[] = [];
  let truncated = false;
  const walk = (folder: string, prefix: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= MAX_LISTED_FILES) {
        truncated = true;
        return;
      }
      const relative = prefix + entry.name;
      if (entry.isDirectory()) {
        if ((depth === 0 && entry.name === '.gren') || depth >= MAX_DEPTH) continue;
        walk(path.join(folder, entry.name), `${relative}/`, depth + 1);
      } else if (entry.isFile()) {
        const file = describe(path.join(folder, entry.name), relative);
        if (file) files.push(file);
      }
    }
  };
  walk(directory, '', 0);
  return { files, truncated };
}

function describe(file: string, relative: string): ArtifactFile | undefined {
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const kind = fileKind(relative);
  return {
    path: relative,
    size_bytes: stats.size,
    modified_at: stats.mtime.toISOString(),
    kind,
    viewable: kind !== 'other' && stats.size <= capOf(kind),
  };
}
