import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, Gren, GrenObject, GrenSerializer, treeOfObject } from 'gren-ts';
import { hashOfTree } from '../../../lib/src/explain/config-tree';
import { hashFormOf } from '../../../lib/src/explain/hash-form';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';

@Gren({ namespace: 'spec.hashform.Options' })
class Options extends GrenObject<number, Options> {
  @Field({ type: Float }) scale: number = 1;
  @Field({ hash: false }) workers: number = 4;
  @Field() _cache: string = 'x';
  @Field() when: Date = new Date('2025-01-02T03:04:05Z');
  @Field() tags: Set<string> = new Set(['b', 'a']);
  @Field() blob: Uint8Array = new Uint8Array([1, 2, 3]);
  @Field() table: Map<string, number> = new Map([['k', 1]]);

  protected _create(): number {
    return 0;
  }

  protected _load(): number {
    return 0;
  }
}

const pythonArtifacts = listArtifacts(PYTHON_STORE).map((artifact) => ({
  ...artifact,
  config: (
    GrenSerializer.parseJson(fs.readFileSync(path.join(artifact.dir, '.gren', 'metadata.json'), 'utf8')) as {
      gren_obj: unknown;
    }
  ).gren_obj,
}));

describe(hashFormOf, () => {
  describe('when given what our toDict() stores', () => {
    it('should give back the tree that hashes to the object hash (markers, private and hash:false fields)', () => {
      const options = new Options({ scale: 2 });
      const stored = GrenSerializer.parseJson(GrenSerializer.toJson(options));

      expect(hashFormOf(stored)).toEqual(treeOfObject(options));
      expect(hashOfTree(hashFormOf(stored))).toBe(options.grenHash);
    });
  });

  describe('when given the gren_obj of a store written by the Python gren', () => {
    // Misc holds an enum member and datetimes, which the Python gren stores lossily:
    // without its classes loaded, its stored text cannot give the hash back.
    const lossless = pythonArtifacts.filter((artifact) => artifact.namespace !== 'refstore.pipelines.Misc');

    it.each(lossless.map((artifact) => [`${artifact.namespace}/${artifact.hash}`, artifact] as const))(
      'should hash %s to its folder name',
      (_label, artifact) => {
        expect(hashOfTree(hashFormOf(artifact.config))).toBe(artifact.hash);
      },
    );

    it('should keep Python floats distinct from integers', () => {
      const top = pythonArtifacts.find((artifact) => artifact.namespace === 'refstore.pipelines.Top')!;
      const tree = hashFormOf(top.config) as { extra: { w: unknown; steps: unknown } };
      expect(GrenSerializer.canonicalJson(tree.extra)).toBe('{"lr":1e-05,"steps":1000,"w":1.0}');
    });
  });
});
