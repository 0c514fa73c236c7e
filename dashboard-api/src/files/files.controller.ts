import { Controller, Get, Param, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArtifactFileListModel, ArtifactFileTextModel } from '../contract/insight-openapi-models';
import type { Response } from 'express';
import type { ArtifactFileList, ArtifactFileText } from '../contract/insight-types';
import { JsonBodyInterceptor } from '../common/http/json-body.interceptor';
import { parseExperimentRef } from '../experiments/query/experiment-ref';
import { FilesService } from './files.service';

const IMAGE_TYPES = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;
/** An image opened on its own runs nothing and loads nothing (an SVG is also sandboxed and downloaded, never shown inline). */
const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const pathQuery = ApiQuery({
  name: 'path',
  description: 'The file, relative to the artifact directory.',
  example: 'metrics.json',
});

/**
 * The artifact's own files (what the computation wrote beside `.gren/`). Registered before the
 * experiments controller, whose `*namespace/:hash` would otherwise take these paths.
 */
@ApiTags('files')
@Controller('experiments')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Get('*namespace/:hash/files')
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({ summary: "The artifact's files (not .gren/), with sizes and modification times; no symbolic links." })
  @ApiOkResponse({ type: ArtifactFileListModel })
  list(@Param('namespace') namespace: string | string[], @Param('hash') hash: string): Promise<ArtifactFileList> {
    return this.files.list(parseExperimentRef(namespace, hash));
  }

  @Get('*namespace/:hash/files/text')
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({ summary: 'A text, JSON, JSONL or CSV file (at most 2 MiB, UTF-8 without NUL bytes, else 413/415).' })
  @pathQuery
  @ApiOkResponse({ type: ArtifactFileTextModel })
  text(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
    @Query('path') path: unknown,
  ): Promise<ArtifactFileText> {
    return this.files.text(parseExperimentRef(namespace, hash), path);
  }

  @Get('*namespace/:hash/files/image')
  @ApiOperation({ summary: 'A PNG, JPEG or SVG image (at most 10 MiB; an SVG with scripts or links is refused, 415).' })
  @pathQuery
  @ApiProduces('image/png', 'image/jpeg', 'image/svg+xml')
  async image(
    @Param('namespace') namespace: string | string[],
    @Param('hash') hash: string,
    @Query('path') path: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const image = await this.files.image(parseExperimentRef(namespace, hash), path);
    response.setHeader('Content-Security-Policy', IMAGE_CSP);
    response.setHeader('Cache-Control', 'private, no-cache');
    const filename = image.name.split('/').pop() ?? 'image';
    return new StreamableFile(image.bytes, {
      type: IMAGE_TYPES[image.kind],
      length: image.bytes.length,
      disposition: `${image.kind === 'svg' ? 'attachment' : 'inline'}; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    });
  }
}
