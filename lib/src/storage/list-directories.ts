import * as fs from 'node:fs';

/** The names of the sub-folders of `directory`, sorted; none when it cannot be read. */
export function listDirectories(directory: string): string[] {
  try {
    return fs
      .readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
