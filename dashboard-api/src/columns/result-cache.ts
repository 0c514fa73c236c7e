import type { ArtifactRecord } from '../index/artifact-record';
import { readResultScalars, type ResultScalar } from './result-file';

/**
 * Each artifact's result scalars, read once and kept until its state.json changes (a new
 * attempt rewrites results before it records success), so requests never re-read them.
 */
export class ResultCache {
  private readonly entries = new WeakMap<
    ArtifactRecord,
    { signature: string | null; scalars: Readonly<Record<string, ResultScalar>> }
  >();

  scalars(record: ArtifactRecord): Readonly<Record<string, ResultScalar>> {
    const cached = this.entries.get(record);
    if (cached && cached.signature === record.stateSignature) return cached.scalars;
    const scalars = readResultScalars(record.directory);
    this.entries.set(record, { signature: record.stateSignature, scalars });
    return scalars;
  }
}
