import type { ColumnValue, PlotData } from '@contract/columns-types';

/** The status colours of the app's theme (styles.scss), for canvas drawing. */
const STATUS_COLORS: Readonly<Record<string, string>> = {
  success: '#3fb950',
  failed: '#f85149',
  incomplete: '#c49bff',
  absent: '#8b949e',
  invalid: '#ff7b72',
};
const TEXT = '#e6eaf2';
const MUTED = '#97a3ba';
const GRID = '#2a3550';
const CATEGORY_COLORS = [
  '#7aa2ff',
  '#3fb950',
  '#d29922',
  '#f85149',
  '#c49bff',
  '#67d3f0',
  '#ff7b72',
  '#e6eaf2',
];

/** An ECharts option (kept structural: this file must not load the library). */
export type ChartOption = Record<string, unknown>;

const axis = (name: string): Record<string, unknown> => ({
  name: shortName(name),
  nameLocation: 'middle',
  nameGap: 32,
  nameTextStyle: { color: TEXT },
  axisLine: { lineStyle: { color: MUTED } },
  splitLine: { lineStyle: { color: GRID } },
  axisLabel: { color: MUTED, showMinLabel: false, showMaxLabel: false },
  scale: true,
});

/** `config.model.lr` → `model.lr`, `result.loss` → `loss`. */
export function shortName(column: string): string {
  return column.replace(/^(config|result)\./, '');
}

/**
 * A scatter of the points' first two values. Coloured by result status (one series each, with
 * a legend), or by the colour column: a gradient for numbers, one series per value otherwise.
 * Each datum ends with the point's index in `data.points` (what a click reports).
 */
export function scatterOption(data: PlotData): ChartOption {
  const [x = '', y = ''] = data.columns;
  const numericColor =
    data.color !== null && data.points.some((point) => typeof point.color === 'number');
  const groups = new Map<string, unknown[][]>();
  const values: number[] = [];
  data.points.forEach((point, index) => {
    const [px, py] = point.values;
    if (typeof px !== 'number' || typeof py !== 'number') return;
    if (numericColor) {
      const c = typeof point.color === 'number' ? point.color : null;
      if (c !== null) values.push(c);
      push(groups, data.color ?? '', [px, py, index, c]);
    } else {
      push(groups, data.color === null ? point.result_status : colorKey(point.color), [
        px,
        py,
        index,
      ]);
    }
  });
  const names = [...groups.keys()].sort();
  const option: ChartOption = {
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: 64, right: numericColor ? 96 : 24, top: 40, bottom: 56 },
    xAxis: { ...axis(x), ...paddedRange(data.points.map((point) => point.values[0])) },
    yAxis: { ...axis(y), nameGap: 48, ...paddedRange(data.points.map((point) => point.values[1])) },
    tooltip: { show: false },
    legend: numericColor ? { show: false } : { data: names, textStyle: { color: TEXT }, top: 0 },
    series: names.map((name, position) => ({
      type: 'scatter',
      name,
      data: groups.get(name),
      symbolSize: 9,
      ...(numericColor
        ? {}
        : {
            itemStyle: {
              color:
                data.color === null
                  ? (STATUS_COLORS[name] ?? MUTED)
                  : CATEGORY_COLORS[position % CATEGORY_COLORS.length],
            },
          }),
    })),
  };
  if (numericColor && values.length > 0) {
    option['visualMap'] = {
      type: 'continuous',
      dimension: 3,
      min: Math.min(...values),
      max: Math.max(...values),
      right: 8,
      top: 'middle',
      text: [shortName(data.color ?? ''), ''],
      textStyle: { color: TEXT },
      inRange: { color: ['#58a6ff', '#d29922', '#f85149'] },
      calculable: true,
    };
  }
  return option;
}

/**
 * Parallel coordinates: one axis per column (numbers on a value axis, anything else as
 * categories), one line per experiment, coloured by the last column.
 */
export function parallelOption(data: PlotData): ChartOption {
  const axes = data.columns.map((column, dim) => {
    const numeric = data.points.every((point) => typeof point.values[dim] === 'number');
    const base = {
      dim,
      name: shortName(column),
      nameTextStyle: { color: TEXT },
      axisLabel: { color: MUTED },
      axisLine: { lineStyle: { color: MUTED } },
    };
    if (numeric) return { ...base, type: 'value', scale: true };
    const categories = [...new Set(data.points.map((point) => String(point.values[dim])))].sort();
    return { ...base, type: 'category', data: categories };
  });
  const last = data.columns.length - 1;
  const lastValues = data.points
    .map((point) => point.values[last])
    .filter((v): v is number => typeof v === 'number');
  return {
    animation: false,
    backgroundColor: 'transparent',
    parallel: { left: 64, right: 96, top: 48, bottom: 32 },
    parallelAxis: axes,
    tooltip: { show: false },
    ...(lastValues.length > 0
      ? {
          visualMap: {
            type: 'continuous',
            dimension: last,
            min: Math.min(...lastValues),
            max: Math.max(...lastValues),
            right: 8,
            top: 'middle',
            text: [shortName(data.columns[last] ?? ''), ''],
            textStyle: { color: TEXT },
            inRange: { color: ['#58a6ff', '#d29922', '#f85149'] },
          },
        }
      : {}),
    series: [
      {
        type: 'parallel',
        lineStyle: { width: 1.5, opacity: 0.6 },
        emphasis: { lineStyle: { width: 3, opacity: 1 } },
        data: data.points.map((point) =>
          point.values.map((value, dim) =>
            typeof value === 'number' || axes[dim]?.type === 'value' ? value : String(value),
          ),
        ),
      },
    ],
  };
}

/** Fraction of the data's span left free on each side of a scatter axis. */
export const AXIS_PADDING = 0.05;

/**
 * Axis bounds just around the data (the automatic ones may squeeze a sweep into a corner);
 * the bound labels are hidden as they are rarely round numbers.
 */
export function paddedRange(values: readonly (ColumnValue | undefined)[]): Record<string, unknown> {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  if (numbers.length === 0) return {};
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const pad = high > low ? (high - low) * AXIS_PADDING : Math.abs(low) * AXIS_PADDING || 1;
  return { min: low - pad, max: high + pad, scale: false };
}

function push(groups: Map<string, unknown[][]>, key: string, datum: unknown[]): void {
  const group = groups.get(key);
  if (group) group.push(datum);
  else groups.set(key, [datum]);
}

function colorKey(value: ColumnValue | undefined): string {
  return value === null || value === undefined ? '(none)' : String(value);
}
