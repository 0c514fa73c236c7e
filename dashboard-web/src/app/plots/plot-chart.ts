import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { CHART_ENGINE, type ChartEvent, type DrawnChart } from './chart-engine';
import type { ChartOption } from './plot-options';

/** Draws an option; reports the clicked datum (scatter: its last value is the point index). */
@Component({
  selector: 'app-plot-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    #canvas
    class="plot-chart"
    data-testid="plot-canvas"
    [attr.data-ready]="ready()"
  ></div>`,
  styles: `
    .plot-chart {
      width: 100%;
      height: 520px;
    }
  `,
})
export class PlotChart {
  readonly option = input.required<ChartOption>();
  readonly pointClick = output<number>();
  /** The point under the pointer (its index), or null. */
  readonly pointHover = output<number | null>();
  protected readonly ready = signal(false);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private readonly engine = inject(CHART_ENGINE);
  private chart: DrawnChart | undefined;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.canvas().nativeElement;
      void this.engine(element).then((chart) => {
        if (this.destroyed) {
          chart.dispose();
          return;
        }
        this.chart = chart;
        chart.onClick((event) => {
          const index = pointIndex(event);
          if (index !== null) this.pointClick.emit(index);
        });
        chart.onHover((event) => this.pointHover.emit(event && pointIndex(event)));
        chart.setOption(this.option());
        this.ready.set(true);
      });
    });
    effect(() => {
      const option = this.option();
      this.chart?.setOption(option);
    });
    destroyRef.onDestroy(() => {
      this.destroyed = true;
      this.chart?.dispose();
    });
  }

  private destroyed = false;
}

/** The point of a chart event: a scatter datum ends with it; a parallel line is its index. */
function pointIndex(event: ChartEvent): number | null {
  const index =
    event.seriesType === 'scatter' && Array.isArray(event.data) ? event.data[2] : event.dataIndex;
  return typeof index === 'number' ? index : null;
}
