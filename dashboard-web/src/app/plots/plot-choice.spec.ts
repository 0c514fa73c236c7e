import type { FieldInfo } from '@contract/columns-types';
import { parallelColumns, withDefaults } from './plot-choice';

const field = (
  column: string,
  distinct: number,
  kind: FieldInfo['kind'] = 'number',
): FieldInfo => ({
  column,
  source: column.startsWith('config.') ? 'config' : 'result',
  kind,
  count: 6,
  distinct,
  distinct_capped: false,
  values: [],
  classes: ['my.Train'],
});
const FIELDS = [
  field('config.dataset.size', 2),
  field('config.lr', 3),
  field('config.name', 2, 'string'),
  field('config.steps', 1),
  field('result.loss', 6),
  field('result.rows', 2),
];
const EMPTY = { view: 'scatter', x: '', y: '', color: '' } as const;

describe(withDefaults, () => {
  it('should pick a varied numeric config field for x and a numeric result for y', () => {
    expect(withDefaults(EMPTY, FIELDS)).toEqual({
      ...EMPTY,
      x: 'config.dataset.size',
      y: 'result.loss',
    });
  });

  it('should keep what the URL asked for', () => {
    expect(withDefaults({ ...EMPTY, x: 'config.steps', y: 'result.rows' }, FIELDS)).toMatchObject({
      x: 'config.steps',
      y: 'result.rows',
    });
  });

  it('should leave both empty without numeric fields', () => {
    expect(withDefaults(EMPTY, [field('config.name', 2, 'string')])).toEqual(EMPTY);
  });
});

describe(parallelColumns, () => {
  it('should take the varied config fields, then y', () => {
    expect(parallelColumns({ ...EMPTY, y: 'result.loss' }, FIELDS)).toEqual([
      'config.dataset.size',
      'config.lr',
      'config.name',
      'result.loss',
    ]);
  });
});
