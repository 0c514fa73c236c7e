import { Controller, Get, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { FieldCatalog } from '../contract/columns-types';
import { FieldCatalogModel, PlotDataModel } from '../contract/openapi-columns';
import { ApiErrorModel } from '../contract/openapi-models';
import { DashboardError } from '../common/errors/dashboard-error';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { JsonText } from '../common/json/json-text';
import { ColumnsService } from './columns.service';
import { ExportQuery } from './dto/export.query';
import { FieldsQuery } from './dto/fields.query';
import { PlotQuery } from './dto/plot.query';
import { exportTable } from './export-table';

const MAX_PLOT_COLUMNS = 8;
const invalid = ApiResponse({
  status: 422,
  type: ApiErrorModel,
  description: 'A parameter is invalid; the message names it.',
});

/** new: config fields and result scalars as columns: what can be shown, plotted and exported. */
@ApiTags('columns')
@Controller()
export class ColumnsController {
  constructor(private readonly columns: ColumnsService) {}

  @Get('fields')
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({ summary: 'new: config fields and result keys of the classes under a namespace, with known values.' })
  @ApiOkResponse({ type: FieldCatalogModel })
  @invalid
  fields(@Query() query: FieldsQuery): Promise<FieldCatalog> {
    return this.columns.fields(query.namespace ?? '');
  }

  @Get('plot')
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({
    summary:
      'new: the filtered experiments having every one of `columns` (1 to 8), with their values, for a scatter or parallel-coordinates plot.',
  })
  @ApiOkResponse({ type: PlotDataModel })
  @invalid
  async plot(@Query() query: PlotQuery): Promise<JsonText> {
    const count = new Set(
      (query.columns ?? []).flatMap((value) => value.split(',')).filter((name) => name.trim() !== ''),
    ).size;
    if (count === 0 || count > MAX_PLOT_COLUMNS) {
      throw DashboardError.invalidParameter('columns', `name 1 to ${MAX_PLOT_COLUMNS} columns to plot (got ${count})`);
    }
    return this.columns.plotJson(query, query.max_points, query.color);
  }

  @Get('export')
  @ApiOperation({ summary: 'new: every filtered experiment with its columns, sorted, as a CSV or JSON download.' })
  @ApiProduces('text/csv', 'application/json')
  @invalid
  async export(@Query() query: ExportQuery, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const table = await this.columns.table(query);
    const body = Buffer.from(exportTable(table.records, table.columns, query.format, this.columns.results), 'utf8');
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(body, {
      type: query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      disposition: `attachment; filename="experiments.${query.format}"`,
      length: body.length,
    });
  }
}
