import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRun, freshFolder, runIn, WORKSPACE } from './support/user-project';

jest.setTimeout(120_000);

/** The README's own tsconfig for a project (examples/user-project/tsconfig.json). */
const USER_TSCONFIG = JSON.parse(
  fs.readFileSync(path.join(WORKSPACE, 'examples', 'user-project', 'tsconfig.json'), 'utf8'),
) as { compilerOptions: Record<string, unknown> };

/** Reads a store with the installed `gren-ts/store` and prints what it found as JSON. */
const READER = `import { LISTED_RESULTS, findArtifacts, writeJson } from 'gren-ts/store';

const found = findArtifacts(process.argv[2] ?? '.').map((artifact) => \`\${artifact.namespace}/\${artifact.hash}\`);
console.log(writeJson({ results: LISTED_RESULTS, found, big: 12345678901234567890n }));
`;

const EXPECTED =
  '{"results":["absent","incomplete","success","failed","invalid"],"found":["p.Leaf/0123456789abcdef0123"],"big":12345678901234567890}';

/** A store with one artifact (and a folder right under the root, which is none). */
function storeIn(folder: string): string {
  const store = path.join(folder, 'store');
  for (const directory of [
    path.join(store, 'data', 'p', 'Leaf', '0123456789abcdef0123'),
    path.join(store, 'data', 'Stray'),
  ]) {
    fs.mkdirSync(path.join(directory, '.gren'), { recursive: true });
    fs.writeFileSync(path.join(directory, '.gren', 'state.json'), '{}');
  }
  return store;
}

/** A project of `type` compiling READER with these compiler options. */
function readerProject(name: string, type: 'commonjs' | 'module', compilerOptions: Record<string, unknown>): string {
  const folder = freshFolder(name);
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, private: true, type }));
  fs.writeFileSync(
    path.join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...USER_TSCONFIG.compilerOptions, ...compilerOptions },
      include: ['read-store.ts'],
    }),
  );
  fs.writeFileSync(path.join(folder, 'read-store.ts'), READER);
  return folder;
}

async function compileAndRun(folder: string): Promise<string> {
  const compiled = await runIn('npx', ['tsc', '-p', '.'], { cwd: folder });
  expect(describeRun(compiled)).toMatch(/^exit 0\n/);
  const result = await runIn(process.execPath, [path.join('dist', 'read-store.js'), storeIn(folder)], { cwd: folder });
  expect(describeRun(result)).toMatch(/^exit 0\n/);
  return result.stdout.trim();
}

describe("the installed package's gren-ts/store subpath", () => {
  it('should type-check and run from CommonJS with the README tsconfig (node10 resolution)', async () => {
    expect(await compileAndRun(readerProject('store-cjs', 'commonjs', {}))).toBe(EXPECTED);
  });

  it('should type-check and run from an ES module project ("module": "nodenext")', async () => {
    expect(await compileAndRun(readerProject('store-esm', 'module', { module: 'nodenext' }))).toBe(EXPECTED);
  });

  it('should load with a plain require and a dynamic import, and keep files inside it private', async () => {
    const folder = freshFolder('store-plain');
    const script = [
      "const store = require('gren-ts/store');",
      "import('gren-ts/store').then((esm) => {",
      '  console.log(typeof store.readLogTail, typeof esm.readLogTail);',
      "  try { require('gren-ts/dist/store/find-artifacts'); } catch (error) { console.log(error.code); }",
      '});',
    ].join('\n');
    fs.writeFileSync(path.join(folder, 'plain.cjs'), script);

    const result = await runIn(process.execPath, ['plain.cjs'], { cwd: folder });

    expect(describeRun(result)).toMatch(/^exit 0\n/);
    expect(result.stdout).toBe('function function\nERR_PACKAGE_PATH_NOT_EXPORTED\n');
  });
});
