import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { userEnvironment, WORKSPACE } from './support/user-project';

jest.setTimeout(60_000);

interface DryRun {
  name: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

interface SourceMap {
  sources: string[];
  sourceRoot?: string;
  sourcesContent?: (string | null)[];
}

/** What `npm pack` puts into the tarball (global-setup.ts has just run the prepack builds). */
function dryRun(folder: string): DryRun {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: path.join(WORKSPACE, folder),
    env: userEnvironment(),
    encoding: 'utf8',
  });
  return (JSON.parse(output) as DryRun[])[0]!;
}

/** Each source a shipped map names that is neither in the tarball nor inside the map. */
function danglingSources(folder: string, files: ReadonlySet<string>): string[] {
  const dangling: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.map')) continue;
    const map = JSON.parse(fs.readFileSync(path.join(WORKSPACE, folder, file), 'utf8')) as SourceMap;
    map.sources.forEach((source, index) => {
      if (typeof map.sourcesContent?.[index] === 'string') return;
      const shipped = path.posix.normalize(path.posix.join(path.posix.dirname(file), map.sourceRoot ?? '', source));
      if (!files.has(shipped)) dangling.push(`${file} → ${shipped}`);
    });
  }
  return dangling;
}

/** The files package.json points at: main, types and every bin. */
function declaredEntryPoints(folder: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(WORKSPACE, folder, 'package.json'), 'utf8')) as {
    main?: string;
    types?: string;
    bin?: Record<string, string>;
  };
  return [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})]
    .filter((file): file is string => file !== undefined)
    .map((file) => path.posix.normalize(file));
}

const PACKAGES = [
  {
    folder: 'lib',
    name: 'gren-ts',
    maxPacked: 600_000,
    maxUnpacked: 2_500_000,
    extraFiles: ['dist/bin/gren-worker.js'],
  },
  {
    folder: 'dashboard-api',
    name: 'gren-ts-dashboard',
    maxPacked: 800_000,
    maxUnpacked: 3_000_000,
    extraFiles: ['dist/cli/main.js', 'dist/index/file-batch-worker.js', 'dist/web/browser/index.html', 'SECURITY.md'],
  },
];

describe.each(PACKAGES)('npm pack of $folder', ({ folder, name, maxPacked, maxUnpacked, extraFiles }) => {
  let packed: DryRun;
  let files: Set<string>;

  beforeAll(() => {
    packed = dryRun(folder);
    files = new Set(packed.files.map((file) => file.path));
  });

  it(`should be the package ${name} with its entry points, bins and ${extraFiles.join(', ')}`, () => {
    expect(packed.name).toBe(name);
    for (const file of [...declaredEntryPoints(folder), ...extraFiles, 'package.json']) expect(files).toContain(file);
  });

  it('should ship no tests, specs, test helpers, fixtures or build caches', () => {
    const unwanted = [...files].filter((file) =>
      /\.spec\.|\.test\.|(^|\/)(testing|test|spec|fixtures|__tests__)\/|tsbuildinfo/.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  it('should ship the TypeScript source of every source map beside it', () => {
    const maps = [...files].filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(10);
    expect(danglingSources(folder, files)).toEqual([]);
  });

  it(`should stay under ${maxPacked / 1000} kB packed and ${maxUnpacked / 1e6} MB unpacked`, () => {
    expect(packed.size).toBeLessThan(maxPacked);
    expect(packed.unpackedSize).toBeLessThan(maxUnpacked);
  });
});
