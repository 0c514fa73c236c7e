import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, formatExplanation, Gren, GREN_CONFIG, GrenObject } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';

@Gren({ namespace: 'spec.explain.Dataset' })
class Dataset extends GrenObject<string, Dataset> {
  @Field() name: string = 'toy';
  @Field({ hash: false }) verbose: boolean = false;

  protected _create(): string {
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

@Gren({ namespace: 'spec.explain.Train' })
class Train extends GrenObject<number, Train> {
  @Field(() => Dataset) dataset: Dataset = new Dataset();
  @Field({ type: Float }) lr: number = 1e-3;
  @Field() steps: number = 1000;
  @Field() _note: string = '';

  protected async _create(): Promise<number> {
    await this.dataset.loadOrCreate();
    if (this.steps < 0) throw new RangeError('steps must be positive');
    return this.lr * this.steps;
  }

  protected _load(): number {
    return this.lr * this.steps;
  }
}

describe('GrenObject.explain', () => {
  const store = useTempStore('gren-explain-');

  describe('when the config is cached', () => {
    it('should say where it is and that it loads', async () => {
      const train = new Train();
      await train.loadOrCreate();

      const explanation = train.explain();

      expect(explanation).toMatchObject({
        status: 'cached',
        result: 'success',
        namespace: 'spec.explain.Train',
        hash: train.grenHash,
        directory: train.grenDir,
        nearest: [],
      });
      expect(explanation.attempt).toMatchObject({ status: 'success', number: 1 });
      expect(formatExplanation(explanation)).toContain(`spec.explain.Train/${train.grenHash} is cached.`);
      expect(formatExplanation(explanation)).toContain(`directory: ${train.grenDir}`);
    });
  });

  describe('when the config was never computed', () => {
    it('should report exactly the changed field and the artifact compared with', async () => {
      const stored = new Train();
      await stored.loadOrCreate();

      const explanation = new Train({ lr: 3e-4 }).explain();

      expect(explanation.status).toBe('missing');
      expect(explanation.compared).toBe(1);
      expect(explanation.nearest).toHaveLength(1);
      expect(explanation.nearest[0]).toMatchObject({ hash: stored.grenHash, result: 'success', exact: true });
      expect(formatExplanation(explanation)).toBe(
        [
          `spec.explain.Train/${new Train({ lr: 3e-4 }).grenHash} is not cached.`,
          `  This config was never computed in ${store()}: loadOrCreate() computes it.`,
          `Compared with spec.explain.Train/${stored.grenHash} [success]: 1 field differs (nearest of 1 stored config):`,
          '  lr: 0.001 → 0.0003',
          '',
        ].join('\n'),
      );
    });

    it('should report a changed dependency as its own fields, and ignore fields outside the hash', async () => {
      await new Train().loadOrCreate();

      const explanation = new Train({
        dataset: new Dataset({ name: 'mnist', verbose: true }),
        _note: 'changed',
      }).explain();

      expect(explanation.nearest[0]?.differences.map((difference) => difference.path)).toEqual(['dataset.name']);
    });

    it('should pick the stored config with the fewest differences', async () => {
      await new Train({ steps: 10, lr: 0.5 }).loadOrCreate();
      const near = new Train({ steps: 10 });
      await near.loadOrCreate();

      const explanation = new Train({ steps: 10, dataset: new Dataset({ name: 'x' }) }).explain();

      expect(explanation.compared).toBe(2);
      expect(explanation.nearest.map((artifact) => artifact.hash)).toEqual([near.grenHash]);
    });

    it('should say so when nothing of the class is stored', () => {
      const explanation = new Train().explain();

      expect(explanation).toMatchObject({ status: 'missing', compared: 0, nearest: [] });
      expect(formatExplanation(explanation)).toContain('No stored config of spec.explain.Train to compare with.');
    });

    it('should report fields added to or removed from the class since the stored config (a schema change)', async () => {
      const stored = new Train();
      await stored.loadOrCreate();
      const metadataFile = path.join(stored.grenDir, '.gren', 'metadata.json');
      const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8')) as { gren_obj: Record<string, unknown> };
      delete metadata.gren_obj.steps;
      metadata.gren_obj.old_field = 'gone';
      fs.writeFileSync(metadataFile, JSON.stringify(metadata));

      const explanation = new Train({ lr: 0.5 }).explain();

      expect(explanation.nearest[0]).toMatchObject({ hash: stored.grenHash, exact: false });
      expect(explanation.nearest[0]?.differences).toEqual([
        { path: 'lr', change: 'changed', old: 0.001, new: 0.5 },
        { path: 'old_field', change: 'removed', old: 'gone', new: undefined },
        { path: 'steps', change: 'added', old: undefined, new: 1000 },
      ]);
    });
  });

  describe('when the artifact exists without a result', () => {
    it('should report the failed attempt and that it will be computed again', async () => {
      const failing = new Train({ steps: -1 });
      await expect(failing.loadOrCreate()).rejects.toThrow('steps must be positive');

      const explanation = failing.explain();

      expect(explanation).toMatchObject({ status: 'stored', result: 'failed' });
      expect(explanation.summary).toContain(
        'Attempt #1 failed (RangeError: steps must be positive): loadOrCreate() computes it again.',
      );
    });

    it('should report an unreadable state without failing', () => {
      const train = new Train();
      fs.mkdirSync(path.join(train.grenDir, '.gren'), { recursive: true });
      fs.writeFileSync(path.join(train.grenDir, '.gren', 'state.json'), '{oops');

      const explanation = train.explain();

      expect(explanation).toMatchObject({ status: 'stored', result: 'invalid' });
      expect(explanation.stateError).toContain('Invalid JSON in state file');
    });

    it('should mention GREN_FORCE_RECOMPUTE when it names the class', async () => {
      const train = new Train();
      await train.loadOrCreate();
      GREN_CONFIG.forceRecompute = new Set(['Train']);

      expect(train.explain().summary).toContain('GREN_FORCE_RECOMPUTE names this class');
    });
  });
});
