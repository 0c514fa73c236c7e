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

  /**
   * Reads the result files not cached yet, yielding to other requests every `sliceMs`: the
   * first sort by a result over a large store reads thousands of files.
   */
  async readAll(records: readonly ArtifactRecord[], sliceMs = 15): Promise<void> {
    let sliceStart = performance.now();
    for (const record of records) {
      this.scalars(record);
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  scalars(record: ArtifactRecord): Readonly<Record<string, ResultScalar>> {
    const cached = this.entries.get(record);
    if (cached && cached.signature === record.stateSignature) return cached.scalars;
    const scalars = readResultScalars(record.directory);
    this.entries.set(record, { signature: record.stateSignature, scalars });
    return scalars;
  }
}
