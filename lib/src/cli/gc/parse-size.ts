import { GrenCliError } from '../cli-error';

const POWERS: Readonly<Record<string, number>> = { '': 0, k: 1, m: 2, g: 3, t: 4, p: 5 };

/** `50G`, `500M`, `1.5T`, `10KiB`, `2GB`, `1234` (bytes) → bytes, in powers of 1024. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(text.trim());
  if (!match)
    throw GrenCliError.usage(
      `Invalid size "${text}": use a number and an optional unit K, M, G, T (powers of 1024), e.g. 50G, 500M.`,
    );
  const power = POWERS[match[2]!.toLowerCase()] ?? 0;
  return Math.floor(Number(match[1]) * 1024 ** power);
}
