import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectGitInfo, IGNORED_DIFF, NO_GIT, type GitInfoOptions } from '../../../lib/src/provenance/git-info';
import { PYTHON_KILLED } from '../../support/fixtures';
import { git, makeRepo, tempDir } from './git-repo';

const LENIENT: GitInfoOptions = {
  ignoreDiff: false,
  requireGit: false,
  requireGitRemote: false,
  maxPatchChars: 50_000,
};
const UNSTAGED = `# === unstaged ${'='.repeat(50)}`;
const STAGED = `# === staged ${'='.repeat(52)}`;
const UNTRACKED = `# === untracked ${'='.repeat(48)}`;

describe('collectGitInfo', () => {
  const made: string[] = [];
  const repo = (): string => {
    const dir = makeRepo();
    made.push(dir);
    return dir;
  };

  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('when the directory is a clean repository with an origin remote', () => {
    it('should give commit, branch, remote, the three empty diff headers and no submodules', async () => {
      const dir = repo();
      git(dir, 'remote', 'add', 'origin', 'https://example.invalid/project.git');

      const info = await collectGitInfo(dir, { ...LENIENT, requireGit: true, requireGitRemote: true });

      expect(info).toEqual({
        commit: git(dir, 'rev-parse', 'HEAD'),
        branch: 'main',
        remote: 'https://example.invalid/project.git',
        patch: [UNSTAGED, STAGED, UNTRACKED].join('\n'),
        submodules: {},
      });
      expect(UNSTAGED).toHaveLength(65);
      expect(STAGED).toHaveLength(65);
      expect(UNTRACKED).toHaveLength(64);
    });

    it('should report the directory of a nested folder of the repository too', async () => {
      const dir = repo();
      fs.mkdirSync(path.join(dir, 'src', 'deep'), { recursive: true });

      const info = await collectGitInfo(path.join(dir, 'src', 'deep'), LENIENT);

      expect(info.commit).toBe(git(dir, 'rev-parse', 'HEAD'));
    });
  });

  describe('when the repository has no origin remote', () => {
    it('should record a null remote by default', async () => {
      expect((await collectGitInfo(repo(), LENIENT)).remote).toBeNull();
    });

    it('should fail naming GREN_REQUIRE_GIT_REMOTE when a remote is required', async () => {
      await expect(collectGitInfo(repo(), { ...LENIENT, requireGitRemote: true })).rejects.toThrow(
        /origin.*Add one, or unset GREN_REQUIRE_GIT_REMOTE/,
      );
    });
  });

  describe('when the work tree has unstaged, staged and untracked changes', () => {
    it('should put each diff under its header, in that order', async () => {
      const dir = repo();
      fs.writeFileSync(path.join(dir, 'tracked.txt'), 'one\ntwo\n');
      fs.writeFileSync(path.join(dir, 'staged.txt'), 'staged content\n');
      git(dir, 'add', 'staged.txt');
      fs.writeFileSync(path.join(dir, 'new.txt'), 'untracked content\n');

      const { patch } = await collectGitInfo(dir, LENIENT);

      const unstagedAt = patch.indexOf(UNSTAGED);
      const stagedAt = patch.indexOf(STAGED);
      const untrackedAt = patch.indexOf(UNTRACKED);
      expect([unstagedAt, stagedAt, untrackedAt]).toEqual([0, expect.any(Number), expect.any(Number)]);
      expect(unstagedAt < stagedAt && stagedAt < untrackedAt).toBe(true);
      const unstaged = patch.slice(unstagedAt, stagedAt);
      const staged = patch.slice(stagedAt, untrackedAt);
      const untracked = patch.slice(untrackedAt);
      expect(unstaged).toContain('diff --git a/tracked.txt b/tracked.txt');
      expect(unstaged).toContain('+two');
      expect(staged).toContain('diff --git a/staged.txt b/staged.txt');
      expect(staged).toContain('+staged content');
      expect(untracked).toContain('+++ b/new.txt');
      expect(untracked).toContain('+untracked content');
    });
  });

  describe('when the diff is longer than 50 000 characters', () => {
    it('should truncate it with a marker instead of failing', async () => {
      const dir = repo();
      fs.writeFileSync(path.join(dir, 'tracked.txt'), `${'x'.repeat(99)}\n`.repeat(800));

      const { patch } = await collectGitInfo(dir, LENIENT);

      expect(patch.startsWith(UNSTAGED)).toBe(true);
      expect(patch.length).toBeGreaterThan(50_000);
      expect(patch.length).toBeLessThan(50_200);
      expect(patch).toMatch(
        /\n# === truncated: [\d,]+ more characters \(set GREN_IGNORE_DIFF=1 to skip the diff\) ===$/,
      );
      const dropped = Number(/truncated: ([\d,]+) more/.exec(patch)![1]!.replace(/,/g, ''));
      expect(dropped).toBeGreaterThan(30_000);
    });
  });

  describe('when GREN_IGNORE_DIFF is set', () => {
    it('should record <ignored-diff> without reading the diff', async () => {
      const dir = repo();
      fs.writeFileSync(path.join(dir, 'tracked.txt'), 'changed\n');

      expect((await collectGitInfo(dir, { ...LENIENT, ignoreDiff: true })).patch).toBe(IGNORED_DIFF);
    });
  });

  describe('when the class file sits in a folder of its own, and untracked files lie at the root and in another folder', () => {
    /** The repository, the class's folder, and what the Python gren records when run from the root (reference algorithm, by hand). */
    function layout(): { root: string; classDir: string; pythonPatch: string } {
      const root = repo();
      const classDir = path.join(root, 'src', 'models');
      fs.mkdirSync(classDir, { recursive: true });
      fs.writeFileSync(path.join(classDir, 'train.ts'), 'export class Train {}\n');
      git(root, 'add', 'src');
      git(root, 'commit', '-q', '-m', 'models');
      fs.writeFileSync(path.join(root, 'tracked.txt'), 'one\nchanged\n');
      fs.writeFileSync(path.join(root, 'notes.txt'), 'at the root\n');
      fs.mkdirSync(path.join(root, 'data'));
      fs.writeFileSync(path.join(root, 'data', 'rows.csv'), 'a,b\n1,2\n');
      const untracked = git(root, 'ls-files', '--others', '--exclude-standard').split('\n');
      const diffs = untracked.map((file) => gitAnswer(root, 'diff', '--no-index', '/dev/null', file));
      const pieces = [UNSTAGED, git(root, 'diff'), STAGED, git(root, 'diff', '--cached'), UNTRACKED, diffs.join('\n')];
      return { root, classDir, pythonPatch: pieces.filter((piece) => piece.length > 0).join('\n') };
    }

    it('should list every untracked file of the repository with repository-relative paths', async () => {
      const { classDir } = layout();

      const { patch } = await collectGitInfo(classDir, LENIENT);

      expect(patch).toContain('+++ b/notes.txt');
      expect(patch).toContain('+++ b/data/rows.csv');
      expect(patch).toContain('diff --git a/tracked.txt b/tracked.txt');
    });

    it('should record what the Python gren records when run from the repository root', async () => {
      const { root, classDir, pythonPatch } = layout();

      const fromClassDir = await collectGitInfo(classDir, LENIENT);
      const fromRoot = await collectGitInfo(root, LENIENT);

      expect(fromClassDir.patch).toBe(pythonPatch);
      expect(fromClassDir).toEqual(fromRoot);
    });

    it('should read submodules from the root, by repository-relative path', async () => {
      const library = repo();
      const { root, classDir } = layout();
      git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'vendor/lib');
      git(root, 'commit', '-q', '-m', 'add submodule');

      const info = await collectGitInfo(classDir, LENIENT);

      expect(info.submodules).toEqual({ 'vendor/lib': git(library, 'rev-parse', 'HEAD') });
    });
  });

  describe('when the work tree is the one a real Python gren recorded (python-killed fixture)', () => {
    it("should give exactly the Python gren's git_patch", async () => {
      const metadataFile = path.join(
        PYTHON_KILLED,
        'data',
        'interop_models',
        'TrainModel',
        'd2d312529482e89f2987',
        '.gren',
        'metadata.json',
      );
      const pythonPatch = (JSON.parse(fs.readFileSync(metadataFile, 'utf8')) as { git_patch: string }).git_patch;
      // The one untracked file it lists, rebuilt from its diff's added lines.
      const added = pythonPatch
        .split('\n')
        .filter((line) => line.startsWith('+') && !line.startsWith('+++'))
        .map((line) => line.slice(1));
      const root = repo();
      fs.mkdirSync(path.join(root, 'lib'));
      fs.writeFileSync(path.join(root, 'lib', 'interop_models.ts'), '// the classes\n');
      git(root, 'add', 'lib');
      git(root, 'commit', '-q', '-m', 'classes');
      fs.writeFileSync(path.join(root, 'create_many.py'), `${added.join('\n')}\n`);

      const { patch } = await collectGitInfo(path.join(root, 'lib'), LENIENT);

      expect(patch).toBe(pythonPatch);
    });
  });

  describe('when the repository has a submodule', () => {
    it('should map its path to its commit', async () => {
      const library = repo();
      const dir = repo();
      git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'vendor/lib');
      git(dir, 'commit', '-q', '-m', 'add submodule');

      const info = await collectGitInfo(dir, LENIENT);

      expect(info.submodules).toEqual({ 'vendor/lib': git(library, 'rev-parse', 'HEAD') });
    });
  });

  describe('when the directory is outside any repository', () => {
    let outside: string;

    beforeAll(() => {
      outside = tempDir('gren-nogit-');
      made.push(outside);
    });

    it('should record <no-git> everywhere by default', async () => {
      await expect(collectGitInfo(outside, { ...LENIENT, requireGitRemote: true })).resolves.toEqual({
        commit: NO_GIT,
        branch: NO_GIT,
        remote: null,
        patch: NO_GIT,
        submodules: {},
      });
    });

    it('should fail naming GREN_REQUIRE_GIT when git is required', async () => {
      await expect(collectGitInfo(outside, { ...LENIENT, requireGit: true })).rejects.toThrow(
        /git rev-parse --show-toplevel failed in .*GREN_REQUIRE_GIT/,
      );
    });
  });

  describe('when the repository has no commit yet', () => {
    it('should count as no git', async () => {
      const dir = tempDir('gren-empty-repo-');
      made.push(dir);
      git(dir, 'init', '-q');

      expect((await collectGitInfo(dir, LENIENT)).commit).toBe(NO_GIT);
      await expect(collectGitInfo(dir, { ...LENIENT, requireGit: true })).rejects.toThrow(/GREN_REQUIRE_GIT/);
    });
  });
});

/** git's output where exit code 1 is an answer too (diff --no-index exits 1 when the files differ). */
function gitAnswer(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
