import type { ExperimentLineage, LineageSide } from '@contract/insight-types';
import { lineageHighlight } from './lineage-highlight';

function side(classes: string[]): LineageSide {
  return {
    experiments: [],
    total: classes.length,
    by_class: classes.map((namespace) => ({ namespace, class_name: namespace, count: 1 })),
  };
}

describe('lineageHighlight', () => {
  const edges = [
    { source: 'p.Data', target: 'p.Train', field_name: 'data' },
    { source: 'p.Data', target: 'p.Report', field_name: 'data' },
    { source: 'p.Train', target: 'p.Eval', field_name: 'model' },
    { source: 'p.Eval', target: 'p.Summary', field_name: 'evals[]' },
    { source: 'p.Other', target: 'p.Eval', field_name: 'other' },
  ];
  const lineage: ExperimentLineage = { upstream: side(['p.Data']), downstream: side(['p.Eval', 'p.Summary']) };

  it('should mark the classes on each side and the edges between them only', () => {
    const highlight = lineageHighlight('p.Train', lineage, edges);
    expect([...highlight.upstream]).toEqual(['p.Data']);
    expect([...highlight.downstream]).toEqual(['p.Eval', 'p.Summary']);
    expect([...highlight.edges]).toEqual([
      'p.Data->p.Train#data',
      'p.Train->p.Eval#model',
      'p.Eval->p.Summary#evals[]',
    ]);
  });
});
