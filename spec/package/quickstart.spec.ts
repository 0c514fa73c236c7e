import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRun, freshFolder, projectDir, readmeExample, runIn, WORKSPACE } from './support/user-project';

jest.setTimeout(120_000);

/** The README's own tsconfig for a project (examples/user-project/tsconfig.json). */
const USER_TSCONFIG = JSON.parse(
  fs.readFileSync(path.join(WORKSPACE, 'examples', 'user-project', 'tsconfig.json'), 'utf8'),
) as {
  compilerOptions: Record<string, unknown>;
};

/**
 * A folder of the user project holding the README's quickstart as `quickstart.ts`, with its own
 * package.json (so it is the package root, and the class's namespace is `quickstart.Greeting`).
 */
function quickstartProject(
  name: string,
  type: 'commonjs' | 'module',
  compilerOptions: Record<string, unknown>,
): string {
  const folder = freshFolder(name);
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, private: true, type }));
  fs.writeFileSync(
    path.join(folder, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...USER_TSCONFIG.compilerOptions, ...compilerOptions } }),
  );
  fs.writeFileSync(path.join(folder, 'quickstart.ts'), readmeExample('examples/quickstart.ts'));
  return folder;
}

/** The three lines the quickstart prints: hash, folder, code. */
function expectQuickstartOutput(stdout: string, store: string): string {
  const [hash, folder, code] = stdout.trim().split('\n');
  expect(hash).toMatch(/^[0-9a-f]{20}$/);
  expect(folder).toBe(path.join(store, 'data', 'quickstart', 'Greeting', hash!));
  expect(code).toBe("new Greeting({ name: 'gren', excitement: 3 })");
  return hash!;
}

describe('the README quickstart in a project that installed the tarballs', () => {
  const hashes: string[] = [];

  it('should run with ts-node, type-checked (npx ts-node quickstart.ts)', async () => {
    const folder = quickstartProject('quickstart-ts-node', 'commonjs', {});
    const store = path.join(folder, 'store');

    const result = await runIn('npx', ['ts-node', 'quickstart.ts'], { cwd: folder, env: { GREN_PATH: store } });

    expect(describeRun(result)).toMatch(/^exit 0\n/);
    hashes.push(expectQuickstartOutput(result.stdout, store));
  });

  it('should compile with tsc to CommonJS and run with node', async () => {
    const folder = quickstartProject('quickstart-cjs', 'commonjs', {});
    hashes.push(await compileAndRunQuickstart(folder));
  });

  it('should compile with tsc in an ES module project ("type": "module", "module": "nodenext") and run with node', async () => {
    const folder = quickstartProject('quickstart-esm', 'module', { module: 'nodenext' });
    hashes.push(await compileAndRunQuickstart(folder));
  });

  it("should run the installed gren-ts package's own README example with ts-node", async () => {
    const folder = freshFolder('package-readme');
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'package-readme', private: true }));
    fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(USER_TSCONFIG));
    const readme = fs.readFileSync(path.join(projectDir(), 'node_modules', 'gren-ts', 'README.md'), 'utf8');
    fs.writeFileSync(path.join(folder, 'greeting.ts'), /```ts\n([\s\S]*?)```/.exec(readme)![1]!);

    const result = await runIn('npx', ['ts-node', 'greeting.ts'], {
      cwd: folder,
      env: { GREN_PATH: path.join(folder, 'store') },
    });

    expect(describeRun(result)).toMatch(/^exit 0\n/);
    expect(result.stdout).toBe('hello gren!\n');
  });

  it('should give the same hash from all three (the namespace ignores dist/ and the module system)', () => {
    expect(hashes).toHaveLength(3);
    expect(new Set(hashes).size).toBe(1);
  });
});

/** Compiles the quickstart project in `folder` with its tsc, runs it with node, and returns its hash. */
async function compileAndRunQuickstart(folder: string): Promise<string> {
  const store = path.join(folder, 'store');
  const compiled = await runIn('npx', ['tsc', '-p', '.'], { cwd: folder });
  expect(describeRun(compiled)).toMatch(/^exit 0\n/);
  const result = await runIn(process.execPath, [path.join('dist', 'quickstart.js')], {
    cwd: folder,
    env: { GREN_PATH: store },
  });
  expect(describeRun(result)).toMatch(/^exit 0\n/);
  return expectQuickstartOutput(result.stdout, store);
}
