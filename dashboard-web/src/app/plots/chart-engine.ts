import { InjectionToken } from '@angular/core';
import type { ChartOption } from './plot-options';

/**
 * A chart drawn in an element (following its size); `onClick` gets the clicked series'
 * datum and its index.
 */
export interface DrawnChart {
  setOption(option: ChartOption): void;
  onClick(handler: (event: ChartEvent) => void): void;
  /** The datum under the pointer, then null when it leaves. */
  onHover(handler: (event: ChartEvent | null) => void): void;
  dispose(): void;
}

export interface ChartEvent {
  seriesType: string;
  dataIndex: number;
  data: unknown;
}

export type ChartEngine = (element: HTMLElement) => Promise<DrawnChart>;

/**
 * Draws with Apache ECharts (canvas: no inline style or script, so the strict CSP holds),
 * loaded only when a chart is first drawn.
 */
export const CHART_ENGINE = new InjectionToken<ChartEngine>('chart engine', {
  providedIn: 'root',
  factory: () => async (element) => {
    const { echarts } = await import('./echarts-setup');
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const resizes = new ResizeObserver(() => chart.resize());
    resizes.observe(element);
    return {
      setOption: (option) => chart.setOption(option, { notMerge: true }),
      onClick: (handler) => chart.on('click', (event) => handler(chartEvent(event))),
      onHover: (handler) => {
        chart.on('mouseover', (event) => handler(chartEvent(event)));
        chart.on('mouseout', () => handler(null));
      },
      dispose: () => {
        resizes.disconnect();
        chart.dispose();
      },
    };
  },
});

function chartEvent(event: { seriesType?: string; dataIndex: number; data: unknown }): ChartEvent {
  return { seriesType: String(event.seriesType), dataIndex: event.dataIndex, data: event.data };
}
