import type { PlotData, PlotPoint } from '@contract/columns-types';
import { parallelOption, scatterOption } from './plot-options';

const point = (
  hash: string,
  values: PlotPoint['values'],
  extra: Partial<PlotPoint> = {},
): PlotPoint => ({
  namespace: 'my.Train',
  gren_hash: hash,
  result_status: 'success',
  values,
  ...extra,
});
const data = (
  points: PlotPoint[],
  color: string | null = null,
  columns = ['config.lr', 'result.loss'],
): PlotData => ({
  columns,
  color,
  total: points.length,
  complete: points.length,
  points,
  truncated: false,
});
type Series = { name: string; data: unknown[][]; itemStyle?: { color: string } };

describe(scatterOption, () => {
  it('should make one series per result status, each datum ending with the point index', () => {
    const option = scatterOption(
      data([
        point('a', [0.1, 0.5]),
        point('b', [0.01, 0.2], { result_status: 'failed' }),
        point('c', [0.001, 0.3]),
      ]),
    );
    const series = option['series'] as Series[];
    expect(series.map((s) => [s.name, s.data, s.itemStyle?.color])).toEqual([
      ['failed', [[0.01, 0.2, 1]], '#f85149'],
      [
        'success',
        [
          [0.1, 0.5, 0],
          [0.001, 0.3, 2],
        ],
        '#3fb950',
      ],
    ]);
    expect((option['xAxis'] as { name: string }).name).toBe('lr');
    expect((option['yAxis'] as { name: string }).name).toBe('loss');
    expect(option['tooltip']).toEqual({ show: false });
  });

  it('should bound the axes 5% beyond the data', () => {
    const option = scatterOption(data([point('a', [0, 10]), point('b', [100, 10])]));
    expect(option['xAxis']).toMatchObject({ min: -5, max: 105 });
    expect(option['yAxis']).toMatchObject({ min: 9.5, max: 10.5 });
  });

  it('should colour by a numeric column with a gradient over its range', () => {
    const option = scatterOption(
      data(
        [point('a', [1, 2], { color: 200 }), point('b', [2, 3], { color: 5000 })],
        'config.steps',
      ),
    );
    expect(option['visualMap']).toMatchObject({
      dimension: 3,
      min: 200,
      max: 5000,
      text: ['steps', ''],
    });
    expect((option['series'] as Series[])[0]!.data).toEqual([
      [1, 2, 0, 200],
      [2, 3, 1, 5000],
    ]);
  });

  it('should colour by a text column with one series per value', () => {
    const option = scatterOption(
      data(
        [
          point('a', [1, 2], { color: 'toy' }),
          point('b', [2, 3], { color: 'mnist' }),
          point('c', [3, 4]),
        ],
        'config.name',
      ),
    );
    expect((option['series'] as Series[]).map((s) => s.name)).toEqual(['(none)', 'mnist', 'toy']);
    expect(option['visualMap']).toBeUndefined();
  });
});

describe(parallelOption, () => {
  it('should make a value axis per numeric column and a category axis otherwise, coloured by the last', () => {
    const option = parallelOption(
      data([point('a', [0.1, 'toy', 0.5]), point('b', [0.01, 'mnist', 0.2])], null, [
        'config.lr',
        'config.data.name',
        'result.loss',
      ]),
    );
    const axes = option['parallelAxis'] as {
      dim: number;
      name: string;
      type: string;
      data?: string[];
    }[];
    expect(axes.map((a) => [a.dim, a.name, a.type, a.data])).toEqual([
      [0, 'lr', 'value', undefined],
      [1, 'data.name', 'category', ['mnist', 'toy']],
      [2, 'loss', 'value', undefined],
    ]);
    expect(option['visualMap']).toMatchObject({ dimension: 2, min: 0.2, max: 0.5 });
    expect((option['series'] as { data: unknown[] }[])[0]!.data).toEqual([
      [0.1, 'toy', 0.5],
      [0.01, 'mnist', 0.2],
    ]);
  });
});
