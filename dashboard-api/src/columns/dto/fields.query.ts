import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of GET /api/fields. */
export class FieldsQuery {
  @ApiPropertyOptional({ description: 'Namespace prefix of the classes whose fields to list.', example: 'my_project' })
  @IsOptional()
  @IsString({ message: 'namespace must be given once' })
  @MaxLength(1000, { message: 'namespace must be at most 1000 characters' })
  namespace?: string;
}
