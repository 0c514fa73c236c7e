import { GrenObject, GrenSerializer } from 'gren-ts';
import { loadHashVectors, vectorConfigToDict } from '../../support/fixtures';
import { BenchOuter, Collections, Misc, Scalars, Top } from '../../support/refstore-classes';

const vectors = loadHashVectors();

describe('grenHash', () => {
  describe('when rebuilding every object vector of the Python gren', () => {
    it.each(vectors.objects.map((vector) => [vector.label, vector] as const))(
      'should reproduce %s',
      (_label, vector) => {
        const object = GrenSerializer.fromDict(vectorConfigToDict(vector.config)) as GrenObject;

        expect(GrenSerializer.canonicalJson(object)).toBe(vector.canonical_json);
        expect(object.grenHash).toBe(vector.hash);
      },
    );
  });

  describe('when hashing canonical JSON directly', () => {
    it.each(vectors.digest_only.map((vector) => [vector.canonical_json, vector.hash] as const))(
      'should digest %s',
      (json, hash) => {
        expect(GrenSerializer.digest(json)).toBe(hash);
      },
    );

    it.each(
      vectors.digest_only
        .filter((vector) => !vector.canonical_json.includes('__class__'))
        .map((vector) => [vector.canonical_json, vector.hash] as const),
    )('should canonicalize and hash the plain value %s', (json, hash) => {
      const plain = GrenSerializer.parseJson(json);

      expect(GrenSerializer.canonicalJson(plain)).toBe(json);
      expect(GrenSerializer.computeHash(plain)).toBe(hash);
    });
  });

  describe('when the classes are built from their defaults, as a user would write them', () => {
    it('should hash Scalars, Collections, Misc and the bench config like Python', () => {
      const byLabel = new Map(vectors.objects.map((vector) => [vector.label, vector.hash]));

      expect(new Scalars().grenHash).toBe(byLabel.get('scalars_default'));
      expect(new Collections().grenHash).toBe(byLabel.get('collections'));
      expect(new Misc().grenHash).toBe(byLabel.get('misc'));
      expect(new BenchOuter().grenHash).toBe(byLabel.get('bench_outer50'));
    });

    it('should leave private fields out of the hash', () => {
      expect(new Scalars({ _private: 1234 }).grenHash).toBe(new Scalars().grenHash);
    });

    it('should inline nested dependencies in full', () => {
      const top = GrenSerializer.fromDict(
        vectorConfigToDict(vectors.objects.find((v) => v.label === 'nested_top')?.config),
      ) as Top;

      expect(GrenSerializer.canonicalJson(top)).toContain(GrenSerializer.canonicalJson(top.middle));
    });
  });
});
