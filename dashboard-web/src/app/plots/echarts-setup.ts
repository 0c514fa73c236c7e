import { ParallelChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  ParallelComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the plots draw, so the lazily loaded chunk stays small.
echarts.use([
  ScatterChart,
  ParallelChart,
  GridComponent,
  ParallelComponent,
  LegendComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
