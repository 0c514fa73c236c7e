import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectGitInfo, IGNORED_DIFF, NO_GIT, type GitInfoOptions } from '../../../lib/src/provenance/git-info';
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
    it('should truncate it with a marker instead of failing (R13)', async () => {
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
        /git rev-parse HEAD failed in .*GREN_REQUIRE_GIT/,
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
