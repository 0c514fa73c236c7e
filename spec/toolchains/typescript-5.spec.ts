import { expectedPipelineOutput, expectStandardDecoratorMessage } from './support/expected-output';
import { LEGACY_DECORATOR_OPTIONS, tsconfigFor } from './support/tsconfig-for';
import { pipelineOutput, UserProject, workspaceVersion } from './support/user-project';

// The workspace's own TypeScript (Angular 21 needs < 6), as a user project pins it.
describe('a project on TypeScript 5 with ts-node', () => {
  let project: UserProject;

  beforeAll(() => {
    project = UserProject.create('typescript-5', {
      typescript: workspaceVersion('typescript'),
      'ts-node': workspaceVersion('ts-node'),
    });
    project.copySource('src/main.ts', 'src/main.ts');
    project.copySource('src/pipeline.ts', 'src/pipeline.ts');
  }, 180_000);

  describe('when tsconfig.json sets the legacy decorator flags', () => {
    it('should type-check and compute the pipeline with the hashes tsc gives', () => {
      project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));

      expect(pipelineOutput(project.bin('ts-node', ['src/main.ts']))).toEqual(expectedPipelineOutput());
    });
  });

  describe('when tsconfig.json lacks experimentalDecorators (standard decorators)', () => {
    it("should pass tsc, then fail under node with gren's message naming the class and the flags", () => {
      project.writeJson('tsconfig.json', tsconfigFor({}));

      const compiled = project.bin('tsc', ['-p', '.']);
      expect(compiled.stdout + compiled.stderr).toBe('');
      const run = project.run('node', ['dist/main.js']);

      expectStandardDecoratorMessage(run);
      expect(run.stderr).toContain('GrenDefinitionError');
    });

    it('should reach the same message under type-checked ts-node, not a TypeScript decorator error', () => {
      project.writeJson('tsconfig.json', tsconfigFor({}));

      const run = project.bin('ts-node', ['src/main.ts']);

      expectStandardDecoratorMessage(run);
      expect(run.stderr).not.toContain('TS1240');
    });
  });
});
