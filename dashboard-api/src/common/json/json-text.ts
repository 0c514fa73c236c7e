import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Bodies at least this large are sent gzip-compressed to clients that accept it. */
export const GZIP_THRESHOLD_BYTES = 32 * 1024;

/** Brotli quality for cached bodies: faster than gzip at level 1 and a little smaller. */
const BROTLI_QUALITY = 1;

/**
 * A response body already serialized (cached stats and DAG): sent as it is. The UTF-8 bytes
 * and their gzip and brotli forms are computed once and kept with it, so a cached 10 MB DAG
 * costs neither an encoding nor a compression per request.
 */
export class JsonText {
  private encoded: Buffer | undefined;
  private compressed: Buffer | undefined;
  private brotliCompressed: Buffer | undefined;

  constructor(readonly text: string) {}

  get bytes(): Buffer {
    this.encoded ??= Buffer.from(this.text, 'utf8');
    return this.encoded;
  }

  get gzipped(): Buffer {
    this.compressed ??= gzipSync(this.bytes, { level: 1 });
    return this.compressed;
  }

  get brotli(): Buffer {
    this.brotliCompressed ??= brotliCompressSync(this.bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    return this.brotliCompressed;
  }
}

/** Whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return acceptsEncoding(header, 'gzip');
}

/** Whether an Accept-Encoding header accepts `encoding` by name or `*` (and does not refuse it with q=0). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== encoding && name !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
