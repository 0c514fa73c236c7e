import { expectedPipelineOutput, expectStandardDecoratorMessage } from './support/expected-output';
import { LEGACY_DECORATOR_OPTIONS, tsconfigFor } from './support/tsconfig-for';
import { pipelineOutput, UserProject, workspaceVersion } from './support/user-project';

// A user who ran `npm install typescript` today gets TypeScript 7, the native compiler.
const TYPESCRIPT_7 = '7.0.2';
// vitest 4 on Vite 8 compiles with oxc, which reads emitDecoratorMetadata from tsconfig.json.
const VITEST = '4.1.12';
const VITE = '8.4.1';

describe('a project on TypeScript 7', () => {
  let project: UserProject;

  beforeAll(() => {
    project = UserProject.create('typescript-7', {
      typescript: TYPESCRIPT_7,
      tsx: workspaceVersion('tsx'),
      vitest: VITEST,
      vite: VITE,
    });
    project.copySource('src/main.ts', 'src/main.ts');
  }, 180_000);

  describe('when compiled with tsc and run with node', () => {
    it('should compute the pipeline with the hashes tsc 5 gives', () => {
      project.copySource('src/pipeline.ts', 'src/pipeline.ts');
      project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));

      expect(project.bin('tsc', ['--version']).stdout).toContain(`Version ${TYPESCRIPT_7}`);
      const compiled = project.bin('tsc', ['-p', '.']);
      expect(compiled.stdout + compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      expect(pipelineOutput(project.run('node', ['dist/main.js']))).toEqual(expectedPipelineOutput());
    });
  });

  describe('when tsconfig.json lacks experimentalDecorators (standard decorators)', () => {
    it('should compile, then fail at run time naming the class, its fields and the tsconfig flags', () => {
      project.copySource('src/pipeline.ts', 'src/pipeline.ts');
      project.writeJson('tsconfig.json', tsconfigFor({}));

      const compiled = project.bin('tsc', ['-p', '.']);
      expect(compiled.stdout + compiled.stderr).toBe('');
      const run = project.run('node', ['dist/main.js']);

      expectStandardDecoratorMessage(run);
      expect(run.stderr).toContain('GrenDefinitionError');
    });
  });

  describe('when run with tsx (esbuild: no decorator metadata)', () => {
    it('should name the field whose type only metadata could tell, and the fix', () => {
      project.copySource('src/pipeline.ts', 'src/pipeline.ts');
      project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));

      const run = project.bin('tsx', ['src/main.ts']);

      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('Cannot determine the type of Train.prototype.optimizer');
      expect(run.stderr).toContain('its default (an instance of Optimizer) does not tell');
      expect(run.stderr).toContain('@Field(() => OtherConfig)');
    });

    it('should run a pipeline whose other fields name their types, with the hashes tsc gives', () => {
      project.copySource('src/pipeline-named-types.ts', 'src/pipeline.ts');
      project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));

      expect(pipelineOutput(project.bin('tsx', ['src/main.ts']))).toEqual(expectedPipelineOutput());
    });
  });

  describe('when tested with vitest on Vite 8', () => {
    it('should give the field types tsc gives (oxc emits the metadata)', () => {
      project.copySource('src/pipeline.ts', 'src/pipeline.ts');
      project.copySource('test/pipeline.test.ts', 'test/pipeline.test.ts');
      project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));

      const run = project.bin('vitest', ['run', 'test/pipeline.test.ts'], {
        EXPECTED_GREN_HASH: expectedPipelineOutput().hash,
      });

      expect(run.stdout + run.stderr).toContain('1 passed');
      expect(run.status).toBe(0);
    });
  });
});
