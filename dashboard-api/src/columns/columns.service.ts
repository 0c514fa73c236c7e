import { Injectable } from '@nestjs/common';
import type { ExperimentList } from '../contract/api-types';
import type { ExperimentRow, FieldCatalog, PlotData } from '../contract/columns-types';
import type { ListExperimentsQuery } from '../experiments/dto/list-experiments.query';
import type { ExperimentFilter } from '../experiments/query/experiment-filter';
import { toExperimentFilter } from '../experiments/query/to-experiment-filter';
import type { ArtifactRecord } from '../index/artifact-record';
import { JsonText } from '../common/json/json-text';
import { IndexService } from '../index/index.service';
import { parseColumns, parseSort, type Column, type ColumnSort } from './column-name';
import { columnValue, columnValues } from './column-value';
import { buildFieldCatalog } from './field-catalog';
import { filteredRecords } from './filtered-records';
import { plotPoints } from './plot-points';
import { ResultCache } from './result-cache';
import { sortByColumn } from './sort-by-column';
import { VersionedCache } from './versioned-cache';

/** The filtered experiments as a table: chosen columns, sorted by any column. */
export interface ColumnTable {
  columns: Column[];
  records: readonly ArtifactRecord[];
}

/**
 * Config fields and result scalars as columns: values come from the index (configs) and from
 * result files read once per artifact state; sorted lists are kept per index version.
 */
@Injectable()
export class ColumnsService {
  readonly results = new ResultCache();
  private readonly orders = new VersionedCache<readonly ArtifactRecord[]>(8);
  private readonly catalogs = new VersionedCache<FieldCatalog>(8);
  private readonly plots = new VersionedCache<JsonText>(8);

  constructor(private readonly indexService: IndexService) {}

  /** One page of the list with its `columns` values, in the `sort` order when one is given. */
  async page(query: ListExperimentsQuery): Promise<ExperimentList> {
    const table = await this.table(query);
    const page = table.records.slice(query.offset, query.offset + query.limit);
    const experiments: ExperimentRow[] = page.map((record) =>
      table.columns.length === 0
        ? record.summary
        : { ...record.summary, columns: columnValues(record, table.columns, this.results) as ExperimentRow['columns'] },
    );
    return { experiments, total: table.records.length };
  }

  /** Every filtered experiment (no paging), sorted, with the asked columns. */
  async table(query: ListExperimentsQuery): Promise<ColumnTable> {
    const columns = parseColumns(query.columns);
    const sort = parseSort(query.sort);
    const filter = toExperimentFilter(query);
    await this.load(filter, sort ? [...columns, sort.column] : columns);
    // A sort by a result not computed yet reads the result files first, yielding meanwhile.
    if (sort?.column.source === 'result' && !this.orders.has(orderKey(filter, sort), this.indexService.index.version))
      await this.results.readAll(this.ordered(filter, undefined));
    return { columns, records: this.ordered(filter, sort) };
  }

  /** The plot data as JSON text, kept per index version like the DAG (the page polls it). */
  async plotJson(query: ListExperimentsQuery, maxPoints: number, colorName: string | undefined): Promise<JsonText> {
    const columns = parseColumns(query.columns);
    const color = colorName === undefined || colorName === '' ? undefined : parseColumns([colorName], 'color')[0];
    const filter = toExperimentFilter(query);
    await this.load(filter, color ? [...columns, color] : columns);
    const key = JSON.stringify([filter, columns.map((column) => column.name), color?.name ?? null, maxPoints]);
    return this.plots.get(key, this.indexService.index.version, () => {
      const data: PlotData = plotPoints(this.ordered(filter, undefined), columns, color, maxPoints, (record, column) =>
        columnValue(record, column, this.results),
      );
      return new JsonText(JSON.stringify(data));
    });
  }

  async fields(namespacePrefix: string): Promise<FieldCatalog> {
    await this.indexService.complete();
    const index = this.indexService.index;
    return this.catalogs.get(namespacePrefix, index.version, () =>
      buildFieldCatalog(index.sorted(), namespacePrefix, this.results),
    );
  }

  private async load(filter: ExperimentFilter, columns: readonly Column[]): Promise<void> {
    if (filter.config.length > 0 || columns.some((column) => column.source === 'config'))
      await this.indexService.complete();
    else await this.indexService.ready();
  }

  private ordered(filter: ExperimentFilter, sort: ColumnSort | undefined): readonly ArtifactRecord[] {
    const index = this.indexService.index;
    return this.orders.get(orderKey(filter, sort), index.version, () => {
      const records = filteredRecords(index.sorted(), filter);
      return sort ? sortByColumn(records, sort, this.results) : records;
    });
  }
}

function orderKey(filter: ExperimentFilter, sort: ColumnSort | undefined): string {
  return JSON.stringify([filter, sort ? [sort.column.name, sort.descending] : null]);
}
