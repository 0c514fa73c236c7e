import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenObject, GrenSerializer } from 'gren-ts';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';
// Registers the store's classes (imported for its side effect as well as for Misc).
import '../../support/refstore-classes';
import { Misc } from '../../support/refstore-classes';
import { withIntegerKeysFirst } from './python-dict-order';

interface StoredMetadata {
  gren_obj: unknown;
  gren_python_def: string;
  gren_hash: string;
}

const artifacts = listArtifacts(PYTHON_STORE).map((artifact) => {
  const text = fs.readFileSync(path.join(artifact.dir, '.gren', 'metadata.json'), 'utf8');
  return { ...artifact, metadata: GrenSerializer.parseJson(text) as StoredMetadata };
});

/**
 * Artifacts whose `gren_python_def` the port deliberately does not reproduce: Misc holds an
 * enum member, which the reference renders as the invalid `refstore.pipelines.Color:RED`
 * (a bug of the Python gren; we write `refstore.pipelines.Color.RED`), and a pathlib.Path field, which
 * has no TypeScript type of its own (it is a string here, so it renders as a string).
 */
const PYTHON_DEF_EXCLUDED = new Set(['refstore.pipelines.Misc']);

const label = (artifact: { namespace: string; hash: string }): string => `${artifact.namespace}/${artifact.hash}`;

describe('the Python-written reference store', () => {
  it('should hold the 15 artifacts the fixtures describe', () => {
    expect(artifacts).toHaveLength(15);
  });

  describe('when every gren_obj is loaded through fromDict', () => {
    it.each(artifacts.map((artifact) => [label(artifact), artifact] as const))(
      'should rebuild %s into a class of the store and hash to its directory name',
      (_label, artifact) => {
        const object = GrenSerializer.fromDict(artifact.metadata.gren_obj);

        expect(object).toBeInstanceOf(GrenObject);
        expect(GrenSerializer.toDict(object)).toHaveProperty('__class__', artifact.namespace);
        expect((object as GrenObject).grenHash).toBe(artifact.hash);
        expect(artifact.metadata.gren_hash).toBe(artifact.hash);
      },
    );

    it.each(artifacts.map((artifact) => [label(artifact), artifact] as const))(
      'should give %s the directory it was found in',
      (_label, artifact) => {
        const object = GrenSerializer.fromDict(artifact.metadata.gren_obj) as GrenObject;
        const relative = path.relative(path.join(PYTHON_STORE, artifact.root), artifact.dir);

        expect(object.grenDir.endsWith(path.join(artifact.root, relative))).toBe(true);
      },
    );
  });

  describe("when rendering each object as the reference's Python text", () => {
    it.each(
      artifacts
        .filter((artifact) => !PYTHON_DEF_EXCLUDED.has(artifact.namespace))
        .map((artifact) => [label(artifact), artifact] as const),
    )('should equal the stored gren_python_def of %s', (_label, artifact) => {
      const object = GrenSerializer.fromDict(artifact.metadata.gren_obj) as GrenObject;

      expect(object.toPython()).toBe(withIntegerKeysFirst(artifact.metadata.gren_python_def));
    });

    it('should differ for Misc only where the reference is wrong or has a Path', () => {
      const misc = artifacts.find(
        (artifact) => artifact.namespace === 'refstore.pipelines.Misc' && artifact.hash.startsWith('c0f8'),
      );
      const object = GrenSerializer.fromDict(misc?.metadata.gren_obj);
      expect(object).toBeInstanceOf(Misc);
      const fixed = (misc?.metadata.gren_python_def ?? '')
        .replace("pathlib.Path('/data/some dir/ñ.txt')", "'/data/some dir/ñ.txt'")
        .replace('refstore.pipelines.Color:RED', 'refstore.pipelines.Color.RED');

      expect((object as Misc).toPython()).toBe(fixed);
    });
  });
});
