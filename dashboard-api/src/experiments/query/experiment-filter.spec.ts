import { SortedRecords } from '../../index/sorted-records';
import { hashOf, makeRecord } from '../../testing/make-record';
import { parseConfigFilter } from './config-filter';
import { listExperiments, recordMatches, type ExperimentFilter } from './experiment-filter';

const at = (day: number): Date => new Date(Date.UTC(2026, 0, day));

const records = [
  makeRecord({
    namespace: 'proj.a.Train',
    hash: hashOf(1),
    state: {
      result: 'success',
      updatedAt: at(3),
      attempt: { status: 'success', backend: 'local', host: 'n1', user: 'alice', startedAt: at(2) },
    },
    metadata: { gren_obj: { __class__: 'proj.a.Train', lr: 0.001, flags: { amp: true }, note: null } },
  }),
  makeRecord({
    namespace: 'proj.a.Train',
    hash: hashOf(2),
    state: {
      result: 'failed',
      updatedAt: at(5),
      attempt: { status: 'failed', backend: 'slurm', host: 'n2', user: 'bob', startedAt: at(4) },
    },
    metadata: { gren_obj: { __class__: 'proj.a.Train', lr: 0.01, flags: { amp: false } } },
  }),
  makeRecord({
    namespace: 'proj.b.Eval',
    hash: hashOf(3),
    state: {
      result: 'incomplete',
      updatedAt: at(4),
      attempt: { status: 'running', backend: 'local', host: 'n1', user: 'bob', startedAt: at(4) },
    },
  }),
  makeRecord({ namespace: 'proj.b.Eval', hash: hashOf(4), state: { result: 'absent', updatedAt: null } }),
  makeRecord({ namespace: 'proj.a.Data', hash: hashOf(5), state: { result: 'absent', updatedAt: null } }),
];
const sorted = new SortedRecords();
sorted.reset(records);
const none: ExperimentFilter = { config: [] };
const hashesOf = (filter: ExperimentFilter): string[] =>
  listExperiments(sorted.all, filter, 100, 0).experiments.map((e) => e.gren_hash);

describe(listExperiments, () => {
  describe('when nothing filters', () => {
    it('should sort by updated_at descending, nulls last, ties by namespace then hash', () => {
      expect(hashesOf(none)).toEqual([hashOf(2), hashOf(3), hashOf(1), hashOf(5), hashOf(4)]);
    });

    it('should page after counting every match', () => {
      const page = listExperiments(sorted.all, none, 2, 1);
      expect(page.total).toBe(5);
      expect(page.experiments.map((e) => e.gren_hash)).toEqual([hashOf(3), hashOf(1)]);
    });

    it('should give an empty page past the end', () => {
      expect(listExperiments(sorted.all, none, 10, 50)).toEqual({ experiments: [], total: 5 });
    });
  });

  describe('when filters are given', () => {
    it.each<[string, ExperimentFilter, number[]]>([
      ['result_status', { config: [], resultStatus: 'absent' }, [5, 4]],
      ['attempt_status', { config: [], attemptStatus: 'running' }, [3]],
      ['namespace prefix', { config: [], namespacePrefix: 'proj.a' }, [2, 1, 5]],
      ['full namespace', { config: [], namespacePrefix: 'proj.b.Eval' }, [3, 4]],
      ['backend', { config: [], backend: 'slurm' }, [2]],
      ['hostname', { config: [], hostname: 'n1' }, [3, 1]],
      ['user', { config: [], user: 'bob' }, [2, 3]],
      ['started_after (inclusive)', { config: [], startedAfter: at(4).getTime() }, [2, 3]],
      ['started_before (inclusive)', { config: [], startedBefore: at(2).getTime() }, [1]],
      ['updated_after', { config: [], updatedAfter: at(4).getTime() }, [2, 3]],
      ['updated_before', { config: [], updatedBefore: at(3).getTime() }, [1]],
      ['config_filter', { config: [parseConfigFilter('lr=1e-3')] }, [1]],
      ['config_filter on a boolean', { config: [parseConfigFilter('flags.amp=False')] }, [2]],
      ['config_filter null', { config: [parseConfigFilter('note=None')] }, [1]],
      [
        'several config filters ANDed',
        { config: [parseConfigFilter('lr=0.01'), parseConfigFilter('flags.amp=true')] },
        [],
      ],
      ['combined filters', { config: [], namespacePrefix: 'proj.a', user: 'alice' }, [1]],
    ])('should filter by %s', (_name, filter, expected) => {
      const page = listExperiments(sorted.all, filter, 100, 0);
      expect(page.experiments.map((e) => e.gren_hash)).toEqual(expected.map(hashOf));
      expect(page.total).toBe(expected.length);
    });
  });
});

describe(recordMatches, () => {
  it('should leave out rows without the time when a time bound is set', () => {
    const absent = records[3];
    expect(absent && recordMatches(absent, { config: [], updatedBefore: Date.now() })).toBe(false);
  });
});
