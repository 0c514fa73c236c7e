import { Injectable } from '@nestjs/common';
import type { ArtifactFileList, ArtifactFileText } from '../contract/insight-types';
import { DashboardError } from '../common/errors/dashboard-error';
import { findFreshRecord } from '../experiments/find-fresh-record';
import type { ExperimentRef } from '../experiments/query/experiment-ref';
import { IndexService } from '../index/index.service';
import { checkRasterImage, checkSvg, textContent } from './check-content';
import { fileKind, IMAGE_CAP_BYTES, isImageKind, isTextKind, TEXT_CAP_BYTES } from './file-kind';
import { parseFilePath } from './file-path';
import { listArtifactFiles } from './list-artifact-files';
import { readArtifactFile } from './read-artifact-file';

export interface ArtifactImage {
  kind: 'png' | 'jpeg' | 'svg';
  name: string;
  bytes: Buffer;
}

/** The files an artifact's computation wrote: listed, and read for the viewer within caps. */
@Injectable()
export class FilesService {
  constructor(private readonly indexService: IndexService) {}

  async list(ref: ExperimentRef): Promise<ArtifactFileList> {
    const record = await findFreshRecord(this.indexService, ref);
    const { files, truncated } = listArtifactFiles(record.directory);
    return { namespace: record.namespace, gren_hash: record.hash, files, truncated };
  }

  async text(ref: ExperimentRef, rawPath: unknown): Promise<ArtifactFileText> {
    const segments = parseFilePath(rawPath);
    const name = segments.join('/');
    const kind = fileKind(name);
    if (!isTextKind(kind))
      throw DashboardError.invalidParameter(
        'path',
        `${name} is not a text, JSON, JSONL or CSV file (by its extension)`,
      );
    const record = await findFreshRecord(this.indexService, ref);
    const file = readArtifactFile(record.directory, segments, TEXT_CAP_BYTES);
    return {
      path: name,
      kind,
      size_bytes: file.size,
      modified_at: file.modifiedAt,
      text: textContent(name, file.bytes),
    };
  }

  async image(ref: ExperimentRef, rawPath: unknown): Promise<ArtifactImage> {
    const segments = parseFilePath(rawPath);
    const name = segments.join('/');
    const kind = fileKind(name);
    if (!isImageKind(kind))
      throw DashboardError.invalidParameter('path', `${name} is not a PNG, JPEG or SVG image (by its extension)`);
    const record = await findFreshRecord(this.indexService, ref);
    const { bytes } = readArtifactFile(record.directory, segments, IMAGE_CAP_BYTES);
    if (kind === 'svg') checkSvg(name, bytes);
    else checkRasterImage(name, kind, bytes);
    return { kind, name, bytes };
  }
}
