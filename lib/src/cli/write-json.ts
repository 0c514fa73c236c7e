import { writeJson as jsonText } from '../store/write-json';
import type { CliIo } from './cli-io';

/** Prints one JSON document (2-space indent) with the store model's writer, as the dashboard API writes it. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${jsonText(value, 2)}\n`);
}
