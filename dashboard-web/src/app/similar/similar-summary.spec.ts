import type { SimilarExperiment, SimilarExperiments } from '@contract/insight-types';
import { similarSummary } from './similar-summary';

function nearest(result_status: string, fields: number): SimilarExperiment {
  return {
    namespace: 'p.Train',
    gren_hash: 'a'.repeat(20),
    result_status,
    updated_at: null,
    differences: Array.from({ length: fields }, (_, i) => ({
      path: `f${i}`,
      change: 'changed' as const,
      other: 1,
      this: 2,
    })),
  };
}

function similar(patch: Partial<SimilarExperiments>): SimilarExperiments {
  return {
    namespace: 'p.Train',
    gren_hash: 'b'.repeat(20),
    comparable: true,
    compared: 3,
    not_comparable: 0,
    nearest: [],
    ...patch,
  };
}

describe('similarSummary', () => {
  it('should say why a failed config has nothing usable, and how near a success is', () => {
    expect(
      similarSummary('failed', similar({ nearest: [nearest('failed', 1), nearest('success', 2)] })),
    ).toBe(
      'Nothing usable is stored: this config failed. The nearest successful config differs in 2 fields. Compared with 3 stored configs of this class.',
    );
  });

  it('should say when no near config succeeded', () => {
    expect(similarSummary('absent', similar({ nearest: [nearest('failed', 1)] }))).toContain(
      'None of the nearest configs has a successful result.',
    );
  });

  it('should say when there is nothing to compare', () => {
    expect(similarSummary('absent', similar({ comparable: false }))).toContain(
      'no stored config yet',
    );
    expect(similarSummary('success', similar({ compared: 0 }))).toBe(
      'No other config of this class is stored.',
    );
  });
});
