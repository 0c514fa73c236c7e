import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of GET /api/experiments/{namespace}/{hash}/similar. */
export class SimilarQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5, description: 'How many of the nearest stored configs.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(20, { message: 'limit must be at most 20' })
  limit: number = 5;
}
