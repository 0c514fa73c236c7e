import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of GET /api/experiments/{namespace}/{hash}/logs. */
export class LogsQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10000,
    default: 200,
    description: 'How many lines from the end of gren.log.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'tail must be an integer' })
  @Min(1, { message: 'tail must be at least 1' })
  @Max(10000, { message: 'tail must be at most 10000' })
  tail: number = 200;
}
