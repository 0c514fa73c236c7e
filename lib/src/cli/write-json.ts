import type { CliIo } from './cli-io';

/** Prints one JSON document (2-space indent); bigints as digit strings, FloatValue as numbers. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(
    `${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2)}\n`,
  );
}
