import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder of the built SPA (the one holding index.html). The Angular build writes
 * `dashboard-web/dist/browser` (or `dist/<project>/browser` with older builders), so every
 * `index.html` up to two levels below dist/ is a candidate, `browser` folders first. undefined
 * when no build is found.
 */
export function findSpaDirectory(candidates: readonly string[]): string | undefined {
  for (const dist of candidates) {
    const found = indexFolders(dist);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where the web app's build may be: in the workspace, dashboard-web's dist/ (the fresh build);
 * in an installed package, the copy `npm pack` bundled into this package's dist/web.
 */
export function defaultSpaCandidates(): string[] {
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(require.resolve('gren-dashboard-web/package.json')), 'dist'));
  } catch {
    // not in the workspace's node_modules: try the source tree
  }
  candidates.push(path.resolve(__dirname, '..', '..', '..', 'dashboard-web', 'dist'));
  candidates.push(path.resolve(__dirname, '..', 'web'));
  return candidates;
}

function indexFolders(dist: string): string | undefined {
  if (hasIndex(dist) && !fs.existsSync(path.join(dist, 'browser'))) return dist;
  const levelOne = subfolders(dist).sort((a, b) => rank(a) - rank(b));
  for (const folder of levelOne) if (hasIndex(folder)) return folder;
  for (const folder of levelOne) {
    for (const inner of subfolders(folder).sort((a, b) => rank(a) - rank(b))) if (hasIndex(inner)) return inner;
  }
  return hasIndex(dist) ? dist : undefined;
}

function rank(folder: string): number {
  return path.basename(folder) === 'browser' ? 0 : 1;
}

function hasIndex(folder: string): boolean {
  try {
    return fs.statSync(path.join(folder, 'index.html')).isFile();
  } catch {
    return false;
  }
}

function subfolders(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name));
  } catch {
    return [];
  }
}
