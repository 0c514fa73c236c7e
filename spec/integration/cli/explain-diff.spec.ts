import * as fs from 'node:fs';
import * as path from 'node:path';
import { TrainModel } from '../../../examples/my_project/pipelines';
import { useTempStore } from '../../support/temp-store';
import { copyPythonStore, grenJson, runGren, spawnGren } from './cli-harness';

jest.setTimeout(40_000);

describe('gren explain (the compiled bin, as a real process)', () => {
  const store = useTempStore('gren-cli-explain-');

  describe("when the examples' TrainModel was created and lr changes", () => {
    it('should print exactly the lr change and the artifact it compared with', async () => {
      const stored = new TrainModel();
      await stored.loadOrCreate();
      const changed = new TrainModel({ lr: 0.0003 });

      const run = await spawnGren([
        '--root',
        store(),
        'explain',
        'examples/my_project/pipelines.ts',
        'TrainModel',
        '--set',
        'lr=0.0003',
      ]);

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        [
          `examples.my_project.pipelines.TrainModel/${changed.grenHash} is not cached.`,
          `  This config was never computed in ${store()}: loadOrCreate() computes it.`,
          `Compared with examples.my_project.pipelines.TrainModel/${stored.grenHash} [success]: 1 field differs (nearest of 1 stored config):`,
          '  lr: 0.001 → 0.0003',
          '',
        ].join('\n'),
      );
    });

    it('should say where a cached config is, report nested --set changes, and print JSON', async () => {
      const stored = new TrainModel();
      await stored.loadOrCreate();
      const args = ['--root', store(), 'explain', 'examples/my_project/pipelines.ts', 'TrainModel'];

      const [cached, nested] = await Promise.all([
        spawnGren(args),
        spawnGren([...args, '--set', 'dataset.name=mnist', '--set', 'steps=10', '--json']),
      ]);

      expect(cached.code).toBe(0);
      expect(cached.stdout).toContain(`examples.my_project.pipelines.TrainModel/${stored.grenHash} is cached.\n`);
      expect(cached.stdout).toContain(`  directory: ${stored.grenDir}\n`);
      expect(nested.code).toBe(0);
      expect(JSON.parse(nested.stdout)).toMatchObject({
        status: 'missing',
        compared: 1,
        nearest: [
          {
            gren_hash: stored.grenHash,
            result_status: 'success',
            exact: true,
            differences: [
              { path: 'dataset.name', change: 'changed', old: '"toy"', new: '"mnist"' },
              { path: 'steps', change: 'changed', old: '1000', new: '10' },
            ],
          },
        ],
      });
    });

    it('should exit 2 for an unknown field and 1 for an unknown class or module', async () => {
      const [field, cls, file] = await Promise.all([
        spawnGren(['--root', store(), 'explain', 'examples/my_project/pipelines.ts', 'TrainModel', '--set', 'lrr=1']),
        spawnGren(['--root', store(), 'explain', 'examples/my_project/pipelines.ts', 'Trainer']),
        spawnGren(['--root', store(), 'explain', 'examples/nope.ts', 'TrainModel', '--json']),
      ]);

      expect(field.code).toBe(2);
      expect(field.stderr).toContain('gren: TrainModel has no field "lrr". Did you mean "lr"?');
      expect(cls.code).toBe(1);
      expect(cls.stderr).toContain('has no class Trainer');
      expect(cls.stderr).toContain('Its gren classes: PrepareDataset, TrainModel.');
      expect(file.code).toBe(1);
      expect(JSON.parse(file.stdout)).toEqual({
        error: { code: 'CLI_NOT_FOUND', message: expect.stringContaining('Module examples/nope.ts not found') },
      });
    });
  });

  describe('help and usage errors', () => {
    it('should print help everywhere (exit 0), and exit 2 on usage errors', async () => {
      const [help, gcHelp, none, unknown, badOption] = await Promise.all([
        spawnGren(['--help']),
        spawnGren(['gc', '--help']),
        spawnGren([]),
        spawnGren(['frobnicate']),
        spawnGren(['ls', '--status', 'great']),
      ]);

      expect(help.code).toBe(0);
      for (const command of ['ls', 'show', 'explain', 'diff', 'gc'])
        expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(help.stdout).toContain('Exit codes:');
      expect(gcHelp.code).toBe(0);
      expect(gcHelp.stdout).toContain('--older-than <duration>');
      expect(gcHelp.stdout).toContain('.trash');
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('Usage: gren');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("unknown command 'frobnicate'");
      expect(badOption.code).toBe(2);
      expect(badOption.stderr).toContain("option '--status <result>' argument 'great' is invalid");
    });
  });
});

describe('gren diff', () => {
  it('should compare two stored configs of a Python store field by field, floats as Python prints them', async () => {
    const store = copyPythonStore();
    try {
      const run = await runGren([
        '--root',
        store,
        'diff',
        'refstore.pipelines.Scalars/e5a6d26be6fecd04947c',
        'refstore.pipelines.Scalars/f49c0758d187aa7054ea',
      ]);
      const json = await grenJson<{ differences: { path: string }[] }>([
        '--root',
        store,
        'diff',
        'refstore.pipelines.Leaf/2a009cca8e40ced324a5',
        'refstore.pipelines.Leaf/5f3d1318b9835b2fcd14',
      ]);

      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').slice(0, 4)).toEqual([
        'old: refstore.pipelines.Scalars/e5a6d26be6fecd04947c [success]',
        'new: refstore.pipelines.Scalars/f49c0758d187aa7054ea [success]',
        '5 fields differ:',
        '  f_small: 2.5e-08 → 0.0003',
      ]);
      expect(run.stdout).toContain('  i: -1 → 42\n');
      expect(json.differences.map((difference) => difference.path)).toEqual(['name', 'value']);
    } finally {
      fs.rmSync(store, { recursive: true, force: true });
    }
  });

  it('should fail with exit 1 when an artifact has no stored config', async () => {
    const store = copyPythonStore();
    try {
      fs.rmSync(
        path.join(store, 'data', 'refstore', 'pipelines', 'Top', '3c619c85f3318dea28d6', '.gren', 'metadata.json'),
      );

      const run = await runGren([
        '--root',
        store,
        'diff',
        'refstore.pipelines.Top/3c61',
        'refstore.pipelines.Middle/1e1b',
      ]);

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'refstore.pipelines.Top/3c619c85f3318dea28d6 has no stored config to compare: no metadata.json',
      );
    } finally {
      fs.rmSync(store, { recursive: true, force: true });
    }
  });
});
