import { DashboardError } from '../../common/errors/dashboard-error';
import { parseExperimentRef } from './experiment-ref';

const HASH = '3c619c85f3318dea28d6';

describe(parseExperimentRef, () => {
  describe('when the namespace and hash are valid', () => {
    it('should accept a dotted namespace', () => {
      expect(parseExperimentRef(['refstore.pipelines.Top'], HASH)).toEqual({
        namespace: 'refstore.pipelines.Top',
        hash: HASH,
      });
    });

    it('should accept slashes between parts, as the reference did', () => {
      expect(parseExperimentRef(['refstore', 'pipelines', 'Top'], HASH).namespace).toBe('refstore.pipelines.Top');
    });

    it('should accept digits, dashes and underscores', () => {
      expect(parseExperimentRef('my-pkg.v2_models.Train', HASH).namespace).toBe('my-pkg.v2_models.Train');
    });
  });

  describe('when a path could leave the store', () => {
    it.each([
      [['..', 'etc', 'passwd']],
      [['a', '..', 'b']],
      [['a/../b']],
      [['/etc/passwd']],
      [['a\u0000b']],
      [['a..b']],
      [['.hidden']],
      [['a%2fb']],
      [['']],
    ])('should reject the namespace %p with a message naming it', (segments) => {
      expect(() => parseExperimentRef(segments, HASH)).toThrow(DashboardError);
      expect(() => parseExperimentRef(segments, HASH)).toThrow(/Invalid namespace/);
    });
  });

  describe('when the hash is not 20 lowercase hex digits', () => {
    it.each(['..', '3C619C85F3318DEA28D6', '3c619c85', `${HASH}0`, 'relationships'])('should reject %s', (hash) => {
      expect(() => parseExperimentRef(['a.B'], hash)).toThrow(/Invalid gren_hash/);
    });
  });
});
