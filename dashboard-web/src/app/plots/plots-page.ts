import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { of } from 'rxjs';
import { ColumnsClient } from '../core/api/columns-client';
import { liveQuery } from '../core/live/live-query';
import { listStateFromParams, listStateToParams } from '../experiments/filters-url';
import { cellText } from '../experiments/sort-state';
import { className, experimentLink } from '../shared/experiment-ref';
import { PlotChart } from './plot-chart';
import {
  PlotChoice,
  numericFields,
  parallelColumns,
  variedFields,
  withDefaults,
} from './plot-choice';
import { parallelOption, scatterOption, shortName } from './plot-options';

export const MAX_POINTS = 10_000;

/**
 * Plots of the filtered experiments (the list's filters, from the URL): a scatter of two
 * numeric columns coloured by status or a third column, or parallel coordinates over the
 * fields a sweep varies. Clicking a point opens its experiment.
 */
@Component({
  selector: 'app-plots-page',
  imports: [PlotChart, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plots-page.html',
  styleUrl: './plots-page.scss',
})
export class PlotsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly client = inject(ColumnsClient);

  private readonly params = toSignal(this.route.queryParams, { requireSync: true });
  protected readonly list = computed(() => listStateFromParams(this.params()));
  private readonly asked = computed<PlotChoice>(() => {
    const params = this.params();
    const text = (key: string): string =>
      typeof params[key] === 'string' ? (params[key] as string) : '';
    return {
      view: text('view') === 'parallel' ? 'parallel' : 'scatter',
      x: text('x'),
      y: text('y'),
      color: text('color'),
    };
  });

  protected readonly fields = liveQuery(
    () => this.list().filters.namespace,
    (namespace) => this.client.fields(namespace),
  );
  protected readonly fieldList = computed(() => this.fields().data?.fields ?? []);
  protected readonly numeric = computed(() => numericFields(this.fieldList()));
  protected readonly varied = computed(() => variedFields(this.fieldList()));
  protected readonly choice = computed(() => withDefaults(this.asked(), this.fieldList()));
  protected readonly plotted = computed(() => {
    const choice = this.choice();
    return choice.view === 'parallel'
      ? parallelColumns(choice, this.fieldList())
      : [choice.x, choice.y];
  });
  protected readonly plot = liveQuery(
    () => ({
      ready: this.fields().data !== undefined,
      filters: this.list().filters,
      columns: this.plotted(),
      color: this.choice().view === 'scatter' ? this.choice().color : '',
    }),
    (request) =>
      !request.ready ||
      request.columns.some((column) => column === '') ||
      request.columns.length === 0
        ? of(null)
        : this.client.plot({ ...request, maxPoints: MAX_POINTS }),
  );
  protected readonly option = computed(() => {
    const data = this.plot().data;
    if (!data || data.points.length === 0) return null;
    return this.choice().view === 'parallel' ? parallelOption(data) : scatterOption(data);
  });
  protected readonly hovered = signal<number | null>(null);
  /** What the pointer is on: the point's class, short hash and plotted values. */
  protected readonly hoverText = computed(() => {
    const data = this.plot().data;
    const index = this.hovered();
    const point = index === null ? undefined : data?.points[index];
    if (!data || !point) return '';
    const values = data.columns.map(
      (column, at) => `${shortName(column)} ${cellText(point.values[at])}`,
    );
    if (data.color !== null) values.push(`${shortName(data.color)} ${cellText(point.color)}`);
    return `${className(point.namespace)} ${point.gren_hash.slice(0, 8)} · ${point.result_status} · ${values.join(' · ')}`;
  });
  protected readonly listParams = computed(() => listStateToParams(this.list()));
  protected readonly shortName = shortName;

  protected choose(key: keyof PlotChoice, event: Event): void {
    this.patch({ [key]: (event.target as HTMLSelectElement).value });
  }

  protected show(view: PlotChoice['view']): void {
    this.patch({ view });
  }

  protected open(index: number): void {
    const point = this.plot().data?.points[index];
    if (point)
      void this.router.navigate(
        experimentLink({ namespace: point.namespace, gren_hash: point.gren_hash }),
      );
  }

  private patch(patch: Partial<PlotChoice>): void {
    const next = { ...this.choice(), ...patch };
    const params: Params = { ...this.listParams(), x: next.x, y: next.y };
    if (next.color) params['color'] = next.color;
    if (next.view === 'parallel') params['view'] = 'parallel';
    void this.router.navigate([], { relativeTo: this.route, queryParams: params });
  }
}
