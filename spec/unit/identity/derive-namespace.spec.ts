import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { GrenDefinitionError, grenRegistry } from 'gren-ts';
import { deriveNamespace, findPackageRoot, namespaceProblem } from '../../../lib/src/identity/derive-namespace';
import { errorOf } from '../errors/expect-error';

const root = { dir: '/work/pkg', dependencyName: undefined };

describe('deriveNamespace', () => {
  describe('when given a source path and its compiled path', () => {
    it.each([
      ['/work/pkg/src/models/thing.ts', '/work/pkg/dist/models/thing.js'],
      ['/work/pkg/src/models/thing.ts', '/work/pkg/build/models/thing.js'],
      ['/work/pkg/src/models/thing.ts', '/work/pkg/out/models/thing.js'],
      ['/work/pkg/src/models/thing.ts', '/work/pkg/lib/models/thing.js'],
      ['/work/pkg/src/models/thing.ts', '/work/pkg/dist/src/models/thing.js'],
      ['/work/pkg/src/models/thing.mts', '/work/pkg/dist/models/thing.mjs'],
      ['/work/pkg/src/models/thing.cts', '/work/pkg/dist/models/thing.cjs'],
      ['/work/pkg/src/models/thing.ts', '/work/pkg/dist/models/thing.d.ts'],
    ])('should give one namespace for %s and %s', (source, compiled) => {
      expect(deriveNamespace(source, 'Thing', root)).toBe('models.thing.Thing');
      expect(deriveNamespace(compiled, 'Thing', root)).toBe('models.thing.Thing');
    });

    it("should give DESIGN.md's example for examples/my_project/pipelines", () => {
      const fromSource = deriveNamespace('/work/pkg/examples/my_project/pipelines.ts', 'TrainModel', root);
      const fromBuild = deriveNamespace('/work/pkg/dist/examples/my_project/pipelines.js', 'TrainModel', root);

      expect(fromSource).toBe('examples.my_project.pipelines.TrainModel');
      expect(fromBuild).toBe(fromSource);
    });
  });

  describe('when the path has unusual parts', () => {
    it('should keep a build-folder name that is the module itself', () => {
      expect(deriveNamespace('/work/pkg/src/lib.ts', 'X', root)).toBe('lib.X');
      expect(deriveNamespace('/work/pkg/dist.ts', 'X', root)).toBe('dist.X');
    });

    it('should keep build-folder names deeper in the path', () => {
      expect(deriveNamespace('/work/pkg/models/dist/x.ts', 'X', root)).toBe('models.dist.x.X');
    });

    it('should turn dots and other characters of a file name into underscores', () => {
      expect(deriveNamespace('/work/pkg/src/train.model.spec.ts', 'X', root)).toBe('train_model_spec.X');
      expect(deriveNamespace('/work/pkg/src/my file+v2.ts', 'X', root)).toBe('my_file_v2.X');
      expect(deriveNamespace('/work/pkg/src/kebab-case.ts', 'X', root)).toBe('kebab-case.X');
    });

    it('should prefix the package name of a dependency in node_modules', () => {
      const dependency = { dir: '/app/node_modules/@acme/pipes', dependencyName: '@acme/pipes' };
      const plain = { dir: '/app/node_modules/pipes.core', dependencyName: 'pipes.core' };

      expect(deriveNamespace('/app/node_modules/@acme/pipes/dist/train.js', 'Train', dependency)).toBe(
        'acme.pipes.train.Train',
      );
      expect(deriveNamespace('/app/node_modules/pipes.core/dist/train.js', 'Train', plain)).toBe(
        'pipes_core.train.Train',
      );
    });
  });
});

describe('findPackageRoot', () => {
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-root-'));
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('when a package.json sits above the file', () => {
    it('should return the nearest folder holding one', () => {
      fs.mkdirSync(path.join(tmp, 'app', 'src', 'deep'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'app', 'package.json'), '{"name":"app"}');

      expect(findPackageRoot(path.join(tmp, 'app', 'src', 'deep', 'x.ts'))).toEqual({
        dir: path.join(tmp, 'app'),
        dependencyName: undefined,
      });
    });

    it('should read the package name inside node_modules', () => {
      const dir = path.join(tmp, 'node_modules', '@acme', 'pipes');
      fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"@acme/pipes"}');

      expect(findPackageRoot(path.join(dir, 'dist', 'x.js'))).toEqual({ dir, dependencyName: '@acme/pipes' });
    });
  });
});

describe('namespaceProblem', () => {
  it.each([
    'a',
    'my_project.pipelines.TrainModel',
    'refstore.bench_models.Outer',
    'spec.unit.gren-decorator_spec.X',
    'a.1b',
  ])('should accept %s', (namespace) => {
    expect(namespaceProblem(namespace)).toBeUndefined();
  });

  it.each([
    { label: '""', namespace: '', why: 'it is empty' },
    { label: 'a..b', namespace: 'a..b', why: 'single dots' },
    { label: '.a', namespace: '.a', why: 'single dots' },
    { label: 'a.', namespace: 'a.', why: 'single dots' },
    { label: '1a.b', namespace: '1a.b', why: 'single dots' },
    { label: 'a/b', namespace: 'a/b', why: 'single dots' },
    { label: 'a b', namespace: 'a b', why: 'single dots' },
    { label: '401 characters', namespace: 'x'.repeat(401), why: 'longer than 400' },
  ])('should reject $label', ({ namespace, why }) => {
    expect(namespaceProblem(namespace)).toContain(why);
  });
});

describe('Gren namespace end to end', () => {
  const MODULE = [
    "import { Field, Gren, GrenStruct } from 'gren-ts';",
    '',
    '@Gren()',
    'export class Thing extends GrenStruct<Thing> {',
    "  @Field() name: string = 'thing';",
    '}',
    '',
  ].join('\n');
  let pkg: string;
  let source: string;
  let compiled: string;

  beforeAll(() => {
    pkg = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gren-ns-')));
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"namespace-e2e","private":true}');
    source = path.join(pkg, 'src', 'models', 'thing.ts');
    compiled = path.join(pkg, 'dist', 'models', 'thing.js');
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(source, MODULE);
    // A real tsc emit (the library's own compiler options); 'gren' need not resolve to emit.
    const program = ts.createProgram([source], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      rootDir: path.join(pkg, 'src'),
      outDir: path.join(pkg, 'dist'),
      noResolve: true,
      types: [],
    });
    const result = program.emit();
    expect(result.emitSkipped).toBe(false);
  });

  afterAll(() => {
    grenRegistry.reset();
    fs.rmSync(pkg, { recursive: true, force: true });
  });

  afterEach(() => grenRegistry.reset());

  function load(file: string): { Thing: abstract new () => unknown } {
    let loaded: { Thing: abstract new () => unknown } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, loaded in isolation
      loaded = require(file) as { Thing: abstract new () => unknown };
    });
    return loaded as { Thing: abstract new () => unknown };
  }

  describe('when the compiled JavaScript is loaded', () => {
    it('should register the namespace derived from the TypeScript source', () => {
      const expected = deriveNamespace(source, 'Thing', findPackageRoot(source));
      const { Thing } = load(compiled);

      expect(expected).toBe('models.thing.Thing');
      expect(grenRegistry.classEntry(Thing)?.namespace).toBe(expected);
      expect(grenRegistry.classEntry(Thing)?.record.sourceFile).toBe(compiled);
    });
  });

  describe('when the TypeScript source is loaded', () => {
    it('should register the same namespace', () => {
      const { Thing } = load(source);

      expect(grenRegistry.classEntry(Thing)?.namespace).toBe('models.thing.Thing');
      expect(grenRegistry.classEntry(Thing)?.record.sourceFile).toBe(source);
    });
  });

  describe('when both are loaded into one process', () => {
    it('should collide on that namespace, naming both files', () => {
      load(source);

      // Each isolated load has its own copy of gren, hence its own error class: compare by name.
      const error = errorOf(() => load(compiled)) as GrenDefinitionError;

      expect(error.name).toBe(GrenDefinitionError.name);
      expect(error.code).toBe('DEFINITION_DUPLICATE_NAMESPACE');
      expect(error.message).toContain('"models.thing.Thing"');
      expect(error.message).toContain(source);
      expect(error.message).toContain(compiled);
    });
  });
});
