import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Field, GREN_CONFIG, Gren, GrenObject, GrenStruct, MISSING, version, type GrenSettings } from 'gren-ts';
import { MetadataCollector } from '../../../lib/src/provenance/metadata-collector';
import * as runGitModule from '../../../lib/src/provenance/run-git';
import { git, makeRepo, tempDir } from './git-repo';

@Gren({ namespace: 'spec.provenance.Leaf' })
class Leaf extends GrenObject<string, Leaf> {
  @Field() name: string = MISSING;

  protected _create(): string {
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

@Gren({ namespace: 'spec.provenance.Middle' })
class Middle extends GrenObject<string, Middle> {
  @Field(() => Leaf) leaf: Leaf = new Leaf({ name: 'deep' });

  protected _create(): string {
    return 'middle';
  }

  protected _load(): string {
    return 'middle';
  }
}

@Gren({ namespace: 'spec.provenance.Settings' })
class Settings extends GrenStruct<Settings> {
  @Field(() => Leaf) tokenizer: Leaf = new Leaf({ name: 'tok' });
  @Field() depth: number = 2;
}

@Gren({ namespace: 'spec.provenance.Parent' })
class Parent extends GrenObject<string, Parent> {
  @Field(() => Middle) middle: Middle = new Middle();
  @Field({ type: Array }) stages: Leaf[] = [new Leaf({ name: 's0' }), new Leaf({ name: 's1' })];
  @Field({ type: Object }) models: Record<string, Leaf> = { a: new Leaf({ name: 'ma' }) };
  @Field(() => Settings) settings: Settings = new Settings();
  @Field() k: number = 3;

  protected _create(): string {
    return 'parent';
  }

  protected _load(): string {
    return 'parent';
  }
}

const NOW = new Date('2026-11-26T04:19:13.070Z');

const REFERENCE_KEYS = [
  'gren_python_def',
  'gren_obj',
  'gren_hash',
  'gren_path',
  'git_commit',
  'git_branch',
  'git_remote',
  'git_patch',
  'git_submodules',
  'timestamp',
  'command',
  'python_version',
  'executable',
  'platform',
  'hostname',
  'user',
  'pid',
];

function settings(overrides: Partial<GrenSettings> = {}): GrenSettings {
  return {
    ...GREN_CONFIG,
    ignoreDiff: true,
    requireGit: false,
    requireGitRemote: false,
    cacheMetadataSecs: 300,
    ...overrides,
  };
}

/**
 * Writes a CommonJS module defining a field-less gren class into `dir` and loads it, so
 * that the class's source file (and so the repository its git facts come from) is `dir`.
 */
function classDefinedIn(dir: string, namespace: string): new () => GrenObject<number> {
  const file = path.join(dir, `${namespace.replace(/\./g, '_')}.cjs`);
  fs.writeFileSync(
    file,
    [
      "const { Gren, GrenObject } = require('gren-ts');",
      'class Outside extends GrenObject {',
      '  _create() { return 1; }',
      '  _load() { return 1; }',
      '}',
      `exports.Outside = Gren({ namespace: ${JSON.stringify(namespace)} })(Outside);`,
    ].join('\n'),
  );
  // A real module outside the project, loaded the way user code is.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { Outside: new () => GrenObject<number> }).Outside;
}

describe('MetadataCollector', () => {
  let artifactDir: string;
  const cleanup: string[] = [];

  beforeEach(() => {
    artifactDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-metadata-'));
    cleanup.push(artifactDir);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(() => {
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('when collecting for a config with dependencies', () => {
    it('should write every reference field in the reference order, then the TypeScript fields', async () => {
      const parent = new Parent();

      const metadata = await new MetadataCollector(settings(), { now: () => NOW }).collect(parent, artifactDir);

      expect(Object.keys(metadata)).toEqual([
        ...REFERENCE_KEYS,
        'gren_ts_def',
        'gren_ts_module',
        'gren_version',
        'node_version',
        'gren_dependencies',
      ]);
      expect(metadata).toMatchObject({
        gren_python_def: parent.toPython(),
        gren_obj: parent.toDict(),
        gren_hash: parent.grenHash,
        gren_path: fs.realpathSync(artifactDir),
        git_patch: '<ignored-diff>',
        timestamp: '2026-11-26T04:19:13.070000+00:00',
        command: process.argv.slice(1).join(' '),
        python_version: `Node.js ${process.version}`,
        executable: process.execPath,
        hostname: os.hostname(),
        user: os.userInfo().username,
        pid: process.pid,
        gren_ts_def: parent.toCode(),
        gren_ts_module: __filename,
        gren_version: version,
        node_version: process.version,
      });
      expect(metadata.git_commit).toMatch(/^[0-9a-f]{40}$/);
      expect(metadata.platform).toBe(`${os.type()}-${os.release()}-${os.arch()}`);
    });

    it('should list direct dependencies in fields, arrays, objects and nested configs, not the dependencies of dependencies', async () => {
      const parent = new Parent();

      const metadata = await new MetadataCollector(settings(), { now: () => NOW }).collect(parent, artifactDir);

      expect(metadata.gren_dependencies).toEqual([
        { field: 'middle', namespace: 'spec.provenance.Middle', gren_hash: parent.middle.grenHash },
        { field: 'stages[0]', namespace: 'spec.provenance.Leaf', gren_hash: parent.stages[0]!.grenHash },
        { field: 'stages[1]', namespace: 'spec.provenance.Leaf', gren_hash: parent.stages[1]!.grenHash },
        { field: 'models["a"]', namespace: 'spec.provenance.Leaf', gren_hash: parent.models.a!.grenHash },
        {
          field: 'settings.tokenizer',
          namespace: 'spec.provenance.Leaf',
          gren_hash: parent.settings.tokenizer.grenHash,
        },
      ]);
    });

    it('should list no dependencies for a leaf', async () => {
      const metadata = await new MetadataCollector(settings(), { now: () => NOW }).collect(
        new Leaf({ name: 'x' }),
        artifactDir,
      );

      expect(metadata.gren_dependencies).toEqual([]);
    });
  });

  describe('when the artifact folder is reached through symbolic links', () => {
    it('should record its real path, whether the link is the artifact folder or a folder above it', async () => {
      const realStore = path.join(artifactDir, 'real-store');
      fs.mkdirSync(path.join(realStore, 'ns', 'linked-target'), { recursive: true });
      fs.mkdirSync(path.join(realStore, 'ns', 'plain'));
      fs.symlinkSync(realStore, path.join(artifactDir, 'store-link'));
      fs.symlinkSync(path.join(realStore, 'ns', 'linked-target'), path.join(realStore, 'ns', 'linked'));
      const collector = new MetadataCollector(settings(), { now: () => NOW });
      const realPath = async (dir: string): Promise<string> =>
        (await collector.collect(new Leaf({ name: 'linked' }), dir)).gren_path;

      expect(await realPath(path.join(artifactDir, 'store-link', 'ns', 'plain'))).toBe(
        fs.realpathSync(path.join(realStore, 'ns', 'plain')),
      );
      expect(await realPath(path.join(artifactDir, 'store-link', 'ns', 'linked'))).toBe(
        fs.realpathSync(path.join(realStore, 'ns', 'linked-target')),
      );
    });
  });

  describe('when the class is defined in a repository', () => {
    let repo: string;

    beforeAll(() => {
      repo = makeRepo('gren-collector-repo-');
      cleanup.push(repo);
      git(repo, 'remote', 'add', 'origin', 'https://example.invalid/pipelines.git');
    });

    it('should take the git facts from the repository of the class, not the working directory', async () => {
      const Outside = classDefinedIn(repo, 'spec.provenance.InRepo');
      fs.writeFileSync(path.join(repo, 'tracked.txt'), 'edited\n');

      const metadata = await new MetadataCollector(settings({ ignoreDiff: false }), { now: () => NOW }).collect(
        new Outside(),
        artifactDir,
      );

      expect(metadata.git_commit).toBe(git(repo, 'rev-parse', 'HEAD'));
      expect(metadata.git_branch).toBe('main');
      expect(metadata.git_remote).toBe('https://example.invalid/pipelines.git');
      expect(metadata.git_patch).toContain('+edited');
      expect(metadata.gren_ts_module).toBe(path.join(repo, 'spec_provenance_InRepo.cjs'));
    });

    it('should collect git facts once and reuse them, keyed on the diff setting', async () => {
      const Outside = classDefinedIn(repo, 'spec.provenance.Cached');
      const shared = settings({ ignoreDiff: false });
      const collector = new MetadataCollector(shared, { now: () => NOW });
      const runGit = jest.spyOn(runGitModule, 'runGit');

      const first = await collector.collect(new Outside(), artifactDir);
      const callsAfterFirst = runGit.mock.calls.length;
      const second = await collector.collect(new Outside(), artifactDir);
      const callsAfterSecond = runGit.mock.calls.length;
      shared.ignoreDiff = true;
      const ignored = await collector.collect(new Outside(), artifactDir);
      shared.ignoreDiff = false;
      const again = await collector.collect(new Outside(), artifactDir);

      expect(callsAfterFirst).toBeGreaterThan(0);
      expect(callsAfterSecond).toBe(callsAfterFirst);
      expect(first.git_patch).not.toBe('<ignored-diff>');
      expect(second.git_patch).toBe(first.git_patch);
      expect(ignored.git_patch).toBe('<ignored-diff>');
      expect(again.git_patch).toBe(first.git_patch);
    });

    it('should ask git again every time when GREN_CACHE_METADATA is never', async () => {
      const Outside = classDefinedIn(repo, 'spec.provenance.Uncached');
      const collector = new MetadataCollector(settings({ cacheMetadataSecs: 0 }), { now: () => NOW });
      const runGit = jest.spyOn(runGitModule, 'runGit');

      await collector.collect(new Outside(), artifactDir);
      const once = runGit.mock.calls.length;
      await collector.collect(new Outside(), artifactDir);

      expect(runGit.mock.calls.length).toBe(2 * once);
    });
  });

  describe('when the class is defined outside any repository', () => {
    let outside: string;

    beforeAll(() => {
      outside = tempDir('gren-collector-nogit-');
      cleanup.push(outside);
    });

    it('should record <no-git> by default', async () => {
      const Outside = classDefinedIn(outside, 'spec.provenance.NoGit');

      const metadata = await new MetadataCollector(settings(), { now: () => NOW }).collect(new Outside(), artifactDir);

      expect(metadata).toMatchObject({
        git_commit: '<no-git>',
        git_branch: '<no-git>',
        git_remote: null,
        git_patch: '<no-git>',
        git_submodules: {},
      });
    });

    it('should fail naming GREN_REQUIRE_GIT when git is required', async () => {
      const Outside = classDefinedIn(outside, 'spec.provenance.GitRequired');

      await expect(
        new MetadataCollector(settings({ requireGit: true }), { now: () => NOW }).collect(new Outside(), artifactDir),
      ).rejects.toThrow(/git rev-parse --show-toplevel failed in .*Unset GREN_REQUIRE_GIT/s);
    });
  });
});
