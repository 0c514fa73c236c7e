import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, Validate } from 'class-validator';
import { ColumnsConstraint, SortConstraint, toTextList } from '../../columns/dto/column-validators';
import { IsoDatetimeConstraint, ConfigFilterConstraint } from './query-validators';

import { ATTEMPT_STATUSES, LISTED_RESULTS as RESULT_STATUSES } from 'gren-ts/store';

const datetimeDoc = (what: string): { description: string; example: string } => ({
  description: `${what} (inclusive). ISO 8601; without an offset the time is UTC. Rows without the time are left out.`,
  example: '2026-01-31T12:00:00+00:00',
});

/** Query of GET /api/experiments. An empty value means "no filter", as in the reference. */
export class ListExperimentsQuery {
  @ApiPropertyOptional({
    enum: RESULT_STATUSES,
    description: 'Exact result status ("invalid": unreadable state.json).',
  })
  @IsOptional()
  @IsString({ message: 'result_status must be given once' })
  @IsIn([...RESULT_STATUSES, ''], { message: `result_status must be one of ${RESULT_STATUSES.join(', ')}` })
  result_status?: string;

  @ApiPropertyOptional({
    enum: ATTEMPT_STATUSES,
    description: 'Exact status of the current attempt (no attempt: no match).',
  })
  @IsOptional()
  @IsString({ message: 'attempt_status must be given once' })
  @IsIn([...ATTEMPT_STATUSES, ''], { message: `attempt_status must be one of ${ATTEMPT_STATUSES.join(', ')}` })
  attempt_status?: string;

  @ApiPropertyOptional({
    description: 'Namespace prefix; a full namespace selects one class.',
    example: 'refstore.pipelines',
  })
  @IsOptional()
  @IsString({ message: 'namespace must be given once' })
  namespace?: string;

  @ApiPropertyOptional({ description: 'Exact backend of the attempt (local, submitit, slurm, ...).' })
  @IsOptional()
  @IsString({ message: 'backend must be given once' })
  backend?: string;

  @ApiPropertyOptional({ description: "Exact host of the attempt's owner." })
  @IsOptional()
  @IsString({ message: 'hostname must be given once' })
  hostname?: string;

  @ApiPropertyOptional({ description: "Exact user of the attempt's owner." })
  @IsOptional()
  @IsString({ message: 'user must be given once' })
  user?: string;

  @ApiPropertyOptional({
    description:
      'SLURM job id of the current attempt: a job or array job id (1234) matches the job and every task of that array; a task id (1234_5) that task only.',
    example: '1234_5',
  })
  @IsOptional()
  @IsString({ message: 'slurm_job_id must be given once' })
  @Matches(/^(\d+(_\d+)?)?$/, {
    message: 'slurm_job_id must be a SLURM job id such as 1234, or an array task such as 1234_5',
  })
  slurm_job_id?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'new: true lists only stale artifacts (stored configs that no longer fit their class as the modules given to --module declare it), false only the others.',
  })
  @IsOptional()
  @IsString({ message: 'stale must be given once' })
  @IsIn(['true', 'false', ''], { message: 'stale must be true or false' })
  stale?: string;

  @ApiPropertyOptional(datetimeDoc('Attempt started at or after'))
  @IsOptional()
  @Validate(IsoDatetimeConstraint)
  started_after?: string;

  @ApiPropertyOptional(datetimeDoc('Attempt started at or before'))
  @IsOptional()
  @Validate(IsoDatetimeConstraint)
  started_before?: string;

  @ApiPropertyOptional(datetimeDoc('State updated at or after'))
  @IsOptional()
  @Validate(IsoDatetimeConstraint)
  updated_after?: string;

  @ApiPropertyOptional(datetimeDoc('State updated at or before'))
  @IsOptional()
  @Validate(IsoDatetimeConstraint)
  updated_before?: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      '`<dotted.path><op><value>` with op one of =, !=, <, <=, >, >=, split at the first operator, repeatable (ANDed). ' +
      'Numbers compare numerically (lr=1e-3 matches 0.001), booleans as true/false (True too), null/None only an explicit null, ' +
      'strings exactly; <, <=, >, >= take a number and match numeric fields only; a missing field matches no condition.',
    example: 'model.lr=0.001',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @Validate(ConfigFilterConstraint)
  config_filter?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'new: columns to add to each row (in `columns`): config.<dotted.path>, result.<key> (a top-level scalar of the ' +
      "artifact's metrics.json), repeatable or comma-separated, at most 20.",
    example: 'config.lr,result.loss',
  })
  @IsOptional()
  @Transform(toTextList)
  @Validate(ColumnsConstraint)
  columns?: string[];

  @ApiPropertyOptional({
    description:
      'new: sort by a column (a list field, config.<path> or result.<key>), "-" first for descending; missing values last.',
    example: '-result.loss',
  })
  @IsOptional()
  @Validate(SortConstraint)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must be at least 0' })
  offset: number = 0;
}
