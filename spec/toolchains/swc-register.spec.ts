import { expectedPipelineOutput } from './support/expected-output';
import { LEGACY_DECORATOR_OPTIONS, tsconfigFor } from './support/tsconfig-for';
import { pipelineOutput, UserProject, workspaceVersion } from './support/user-project';

// TypeScript 7 ships no JavaScript API, which ts-node and @swc-node/register load. TypeScript's
// side-by-side set-up keeps 6.x's API under the name `typescript` and takes `tsc` from 7.x.
const TYPESCRIPT_6 = '6.0.3';
const TYPESCRIPT_7 = '7.0.2';

describe('a project with tsc 7 beside the TypeScript 6 API', () => {
  let project: UserProject;

  beforeAll(() => {
    project = UserProject.create('swc-register', {
      typescript: TYPESCRIPT_6,
      '@typescript/native': `npm:typescript@${TYPESCRIPT_7}`,
      '@swc-node/register': workspaceVersion('@swc-node/register'),
      '@swc/core': workspaceVersion('@swc/core'),
      'ts-node': workspaceVersion('ts-node'),
    });
    project.copySource('src/main.ts', 'src/main.ts');
    project.copySource('src/pipeline.ts', 'src/pipeline.ts');
    project.writeJson('tsconfig.json', tsconfigFor(LEGACY_DECORATOR_OPTIONS));
  }, 180_000);

  it('should have tsc 7 as its compiler, which type-checks the pipeline', () => {
    expect(project.bin('tsc', ['--version']).stdout).toContain(`Version ${TYPESCRIPT_7}`);
    const checked = project.bin('tsc', ['-p', '.', '--noEmit']);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  describe('when run with node -r @swc-node/register (swc with decorator metadata)', () => {
    it('should compute the pipeline with the hashes tsc gives', () => {
      expect(pipelineOutput(project.run('node', ['-r', '@swc-node/register', 'src/main.ts']))).toEqual(
        expectedPipelineOutput(),
      );
    });
  });

  describe('when run with ts-node on the TypeScript 6 API', () => {
    it('should type-check and compute the pipeline with the hashes tsc gives', () => {
      expect(pipelineOutput(project.bin('ts-node', ['src/main.ts']))).toEqual(expectedPipelineOutput());
    });
  });
});
