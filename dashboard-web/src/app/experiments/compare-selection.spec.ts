import type { ExperimentSummary } from '@contract/api-types';
import { CompareSelection } from './compare-selection';

function summary(namespace: string, gren_hash: string): ExperimentSummary {
  return {
    namespace,
    gren_hash,
    class_name: namespace.split('.').pop()!,
    result_status: 'success',
    attempt_status: 'success',
    attempt_number: 1,
    updated_at: null,
    started_at: null,
    backend: 'local',
    hostname: 'vm',
    user: 'root',
  };
}

describe(CompareSelection.name, () => {
  const a = summary('p.Leaf', 'aaa');
  const b = summary('p.Leaf', 'bbb');
  const other = summary('p.Top', 'ccc');

  it('should add and remove an experiment when toggled', () => {
    const one = new CompareSelection().toggled(a);
    expect([...one.ids]).toEqual(['p.Leaf/aaa']);
    expect(one.toggled(a).items.size).toBe(0);
  });

  it('should need two experiments of one class', () => {
    expect(new CompareSelection().toggled(a).problem()).toMatch(/two or more/);
    expect(new CompareSelection().toggled(a).toggled(other).problem()).toMatch(/one class/);
    expect(new CompareSelection().toggled(a).toggled(b).problem()).toBeNull();
  });

  it('should list the ids for the compare URL in the order picked', () => {
    expect(new CompareSelection().toggled(b).toggled(a).queryValue()).toBe('p.Leaf/bbb,p.Leaf/aaa');
  });
});
