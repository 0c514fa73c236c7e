import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type * as Api from './columns-types';

/* OpenAPI schemas of the columns routes; each class implements its contract interface. */

/** A string, number, boolean or null. */
const cellTypes = (): { type: 'string' | 'number' | 'boolean' }[] => [
  { type: 'string' },
  { type: 'number' },
  { type: 'boolean' },
];

export class FieldInfoModel implements Api.FieldInfo {
  @ApiProperty({ example: 'config.model.lr' }) column!: string;
  @ApiProperty({ enum: ['config', 'result'] }) source!: 'config' | 'result';
  @ApiProperty({ enum: ['number', 'string', 'boolean', 'null', 'mixed'] }) kind!: Api.FieldKind;
  @ApiProperty({ description: 'Experiments having the field (results: among those sampled).' }) count!: number;
  @ApiProperty({ description: 'Distinct values seen, at most 50.' }) distinct!: number;
  @ApiProperty({ description: 'More than 50 distinct values.' }) distinct_capped!: boolean;
  @ApiProperty({ type: [String], description: 'The most frequent values as text, at most 20.' }) values!: string[];
  @ApiProperty({ type: [String], description: 'Namespaces of the classes having the field.' }) classes!: string[];
}

export class FieldCatalogModel implements Api.FieldCatalog {
  @ApiProperty({ type: [FieldInfoModel] }) fields!: FieldInfoModel[];
  @ApiProperty({ description: 'Result keys come from this many most recent experiments per class.' })
  result_sample!: number;
}

export class PlotPointModel implements Api.PlotPoint {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty({ enum: ['absent', 'incomplete', 'success', 'failed', 'invalid'] })
  result_status!: Api.PlotPoint['result_status'];
  @ApiProperty({
    type: 'array',
    items: { oneOf: cellTypes(), nullable: true },
    description: 'In the order of `columns`.',
  })
  values!: Api.ColumnValue[];
  @ApiPropertyOptional({ oneOf: cellTypes(), nullable: true, description: 'The colour column, when one was asked.' })
  color?: Api.ColumnValue;
}

export class PlotDataModel implements Api.PlotData {
  @ApiProperty({ type: [String] }) columns!: string[];
  @ApiProperty({ type: String, nullable: true }) color!: string | null;
  @ApiProperty({ description: 'Experiments matching the filters.' }) total!: number;
  @ApiProperty({ description: 'Of those, how many have every column.' }) complete!: number;
  @ApiProperty({ type: [PlotPointModel] }) points!: PlotPointModel[];
  @ApiProperty({ description: 'More experiments have every column than `points` holds.' }) truncated!: boolean;
}
