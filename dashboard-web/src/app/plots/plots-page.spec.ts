import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { FieldInfo, PlotData } from '@contract/columns-types';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import { CHART_ENGINE, type ChartEvent, type DrawnChart } from './chart-engine';
import type { ChartOption } from './plot-options';
import { PlotsPage } from './plots-page';

@Component({ template: '' })
class DetailStub {}

/** Records what the page draws (jsdom has no canvas; Chromium runs the real ECharts). */
class RecordingChart implements DrawnChart {
  options: ChartOption[] = [];
  click: ((event: ChartEvent) => void) | undefined;
  hover: ((event: ChartEvent | null) => void) | undefined;
  setOption(option: ChartOption): void {
    this.options.push(option);
  }
  onClick(handler: RecordingChart['click']): void {
    this.click = handler;
  }
  onHover(handler: RecordingChart['hover']): void {
    this.hover = handler;
  }
  dispose(): void {}
}

const field = (column: string, distinct: number): FieldInfo => ({
  column,
  source: column.startsWith('config.') ? 'config' : 'result',
  kind: 'number',
  count: 2,
  distinct,
  distinct_capped: false,
  values: [],
  classes: ['my.Train'],
});
const FIELDS = [field('config.lr', 2), field('config.steps', 2), field('result.loss', 2)];
const PLOT: PlotData = {
  columns: ['config.lr', 'result.loss'],
  color: null,
  total: 3,
  complete: 2,
  truncated: false,
  points: [
    { namespace: 'my.Train', gren_hash: 'a1', result_status: 'success', values: [0.1, 0.5] },
    { namespace: 'my.Train', gren_hash: 'a2', result_status: 'success', values: [0.01, 0.2] },
  ],
};

describe(PlotsPage.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let chart: RecordingChart;

  beforeEach(async () => {
    chart = new RecordingChart();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'plots', component: PlotsPage },
          { path: 'experiments/:namespace/:hash', component: DetailStub },
        ]),
        provideLocationMocks(),
        stubChangeFeed().provider,
        { provide: CHART_ENGINE, useValue: () => Promise.resolve(chart) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const root = (): HTMLElement => harness.routeNativeElement!;
  const settle = async (): Promise<void> => {
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };

  it('should plot a varied config field against a result by default, and open a clicked point', async () => {
    await harness.navigateByUrl('/plots?namespace=my');
    http.expectOne('/api/fields?namespace=my').flush({ fields: FIELDS, result_sample: 200 });
    await settle();
    http
      .expectOne('/api/plot?namespace=my&columns=config.lr%2Cresult.loss&max_points=10000')
      .flush(PLOT);
    await settle();
    expect(root().querySelector('[data-testid="plot-count"]')!.textContent).toContain(
      '2 of 3 experiments have every plotted value',
    );
    expect(chart.options).toHaveLength(1);
    expect((chart.options[0]!['xAxis'] as { name: string }).name).toBe('lr');
    chart.hover!({ seriesType: 'scatter', dataIndex: 0, data: [0.01, 0.2, 1] });
    await settle();
    expect(root().querySelector('[data-testid="plot-hover"]')!.textContent!.trim()).toBe(
      'Train a2 · success · lr 0.01 · loss 0.2',
    );
    chart.hover!(null);
    await settle();
    expect(root().querySelector('[data-testid="plot-hover"]')!.textContent!.trim()).toBe('');
    chart.click!({ seriesType: 'scatter', dataIndex: 0, data: [0.01, 0.2, 1] });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/experiments/my.Train/a2');
  });

  it('should colour by a chosen column, in the URL', async () => {
    await harness.navigateByUrl('/plots');
    http.expectOne('/api/fields').flush({ fields: FIELDS, result_sample: 200 });
    await settle();
    http.expectOne('/api/plot?columns=config.lr%2Cresult.loss&max_points=10000').flush(PLOT);
    await settle();
    const color = root().querySelector<HTMLSelectElement>('[data-testid="plot-color"]')!;
    color.value = 'config.steps';
    color.dispatchEvent(new Event('change'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/plots?x=config.lr&y=result.loss&color=config.steps');
    http
      .expectOne('/api/plot?columns=config.lr%2Cresult.loss&max_points=10000&color=config.steps')
      .flush({ ...PLOT, color: 'config.steps' });
    await settle();
  });

  it('should show parallel coordinates over the varied fields, opening the clicked line', async () => {
    await harness.navigateByUrl('/plots?view=parallel&y=result.loss');
    http.expectOne('/api/fields').flush({ fields: FIELDS, result_sample: 200 });
    await settle();
    http
      .expectOne('/api/plot?columns=config.lr%2Cconfig.steps%2Cresult.loss&max_points=10000')
      .flush({ ...PLOT, columns: ['config.lr', 'config.steps', 'result.loss'] });
    await settle();
    expect(root().textContent).toContain('Axes: lr · steps · loss');
    expect(chart.options.at(-1)!['parallelAxis']).toHaveLength(3);
    chart.click!({ seriesType: 'parallel', dataIndex: 0, data: [0.1, 1, 0.5] });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/experiments/my.Train/a1');
  });

  it('should say when there is nothing numeric to plot', async () => {
    await harness.navigateByUrl('/plots');
    http.expectOne('/api/fields').flush({ fields: [], result_sample: 200 });
    await settle();
    expect(root().querySelector('[data-testid="plot-empty"]')!.textContent).toContain(
      'nothing to plot',
    );
  });
});
