import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenObject } from 'gren-ts';

/** Appends what was computed to SPEC_CALLS_FILE, so tests can count `_create` calls across processes. */
export function recordCreate(what: string): string {
  const value = `${what} by ${process.pid}`;
  if (process.env.SPEC_CALLS_FILE) fs.appendFileSync(process.env.SPEC_CALLS_FILE, `${what}\n`);
  return value;
}

export abstract class Stored extends GrenObject<string> {
  protected abstract label(): string;

  protected async _create(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.SPEC_CREATE_MS ?? 0)));
    const value = recordCreate(this.label());
    fs.writeFileSync(path.join(this.grenDir, 'value.txt'), value);
    return value;
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8');
  }
}
