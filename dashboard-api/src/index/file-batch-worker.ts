import { parentPort } from 'node:worker_threads';
import { readFileBatch, readStateBatch } from './read-file-batch';

/** A batch a reader thread is asked to read. */
export interface BatchRequest {
  id: number;
  prefix: string;
  names: readonly string[];
  suffix: string;
  /** State files, parsed by the fast reader (a StateBatch) rather than raw bytes (a RawFileBatch). */
  states: boolean;
  maxBytes: number;
}

export interface BatchResponse {
  id: number;
  batch: unknown;
}

/**
 * A reader thread's program (started by FileBatchReader): reads (and for state files parses)
 * the batches it is sent and sends them back, their typed arrays moved, not copied.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  port.on('message', ({ id, prefix, names, suffix, states, maxBytes }: BatchRequest) => {
    if (states) {
      const batch = readStateBatch(prefix, names, suffix, maxBytes);
      // Buffers this thread allocated (never shared), so they can be moved.
      port.postMessage({ id, batch } satisfies BatchResponse, [
        batch.kinds.buffer as ArrayBuffer,
        batch.numbers.buffer as ArrayBuffer,
      ]);
    } else {
      const batch = readFileBatch(prefix, names, suffix, maxBytes);
      port.postMessage({ id, batch } satisfies BatchResponse, [
        batch.bytes.buffer as ArrayBuffer,
        batch.ends.buffer as ArrayBuffer,
      ]);
    }
  });
}

if (parentPort) serve(parentPort);
