import { InjectionToken } from '@angular/core';
import type { ChartOption } from './plot-options';

/**
 * A chart drawn in an element (following its size); `onClick` gets the clicked series'
 * datum and its index.
 */
export interface DrawnChart {
  setOption(option: ChartOption): void;
  onClick(handler: (event: { seriesType: string; dataIndex: number; data: unknown }) => void): void;
  dispose(): void;
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
      onClick: (handler) =>
        chart.on('click', (event) =>
          handler({
            seriesType: String(event.seriesType),
            dataIndex: event.dataIndex,
            data: event.data,
          }),
        ),
      dispose: () => {
        resizes.disconnect();
        chart.dispose();
      },
    };
  },
});
