import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { finished } from '../../support/child-process';
import { WORKSPACE } from './dashboard-server';

/** An artifact of the store, found on disk with its stored config. */
export interface ExampleArtifact {
  namespace: string;
  hash: string;
  dir: string;
  config: Record<string, unknown>;
}

/**
 * A store written by the repository's examples, run as a user runs them (`node -r
 * ts-node/register/transpile-only examples/<file>`): sweep.ts (2 PrepareDataset and 6
 * TrainModel on a pool of worker processes, each writing its rows.json or model.json) and
 * failing.ts (a DivideByZero that fails).
 */
export async function writeExamplesStore(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-browser-examples-'));
  for (const example of ['sweep.ts', 'failing.ts']) {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('examples', example)], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        GREN_PATH: root,
        GREN_IGNORE_DIFF: '1',
        GREN_LOG_LEVEL: 'ERROR',
        TS_NODE_PROJECT: 'examples/tsconfig.json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await finished(child);
    if (result.code !== 0) throw new Error(`examples/${example} exited with ${String(result.code)}: ${result.stderr}`);
  }
  return root;
}

/** Every artifact under `<root>/data`, read from disk (independent of the API under test). */
export function exampleArtifacts(root: string): ExampleArtifact[] {
  const found: ExampleArtifact[] = [];
  const base = path.join(root, 'data');
  const walk = (dir: string): void => {
    const metadata = path.join(dir, '.gren', 'metadata.json');
    if (fs.existsSync(metadata)) {
      const parts = path.relative(base, dir).split(path.sep);
      found.push({
        namespace: parts.slice(0, -1).join('.'),
        hash: parts[parts.length - 1] ?? '',
        dir,
        config: (JSON.parse(fs.readFileSync(metadata, 'utf8')) as { gren_obj: Record<string, unknown> }).gren_obj,
      });
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== '.gren') walk(path.join(dir, entry.name));
  };
  walk(base);
  return found;
}

/** A PNG of `width`×`height` pixels: a horizontal gradient (a real image for the viewer to draw). */
export function gradientPng(width: number, height: number): Buffer {
  const row = (y: number): Buffer => {
    const line = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      line[1 + x * 3] = Math.round((255 * x) / width);
      line[2 + x * 3] = Math.round((255 * y) / height);
      line[3 + x * 3] = 160;
    }
    return line;
  };
  const pixels = Buffer.concat(Array.from({ length: height }, (_, y) => row(y)));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
