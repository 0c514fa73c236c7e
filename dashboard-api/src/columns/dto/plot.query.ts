import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, Validate } from 'class-validator';
import { ListExperimentsQuery } from '../../experiments/dto/list-experiments.query';
import { ColumnsConstraint } from './column-validators';

export const MAX_PLOT_POINTS = 50_000;

/** Query of GET /api/plot: the list filters, the plotted columns, a colour column. */
export class PlotQuery extends ListExperimentsQuery {
  @ApiPropertyOptional({
    description: 'A column to colour the points by; without it, points carry their result status only.',
    example: 'config.steps',
  })
  @IsOptional()
  @IsString({ message: 'color must be given once' })
  @Validate(ColumnsConstraint)
  color?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PLOT_POINTS, default: 10_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'max_points must be an integer' })
  @Min(1, { message: 'max_points must be at least 1' })
  @Max(MAX_PLOT_POINTS, { message: `max_points must be at most ${MAX_PLOT_POINTS}` })
  max_points: number = 10_000;
}
