import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  GREN_CONFIG,
  GrenStateError,
  MetadataManager,
  parseState,
  readEvents,
  readMetadata,
  readMetadataRaw,
  readState,
  serializeState,
  StateManager,
} from 'gren-ts';
import { ArtifactPaths } from '../../../lib/src/storage/artifact-paths';
import { readSuccessMarker } from '../../../lib/src/storage/success-marker';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';
import { fuzzParameters } from '../../support/fuzz';
import { FuzzEverything, FuzzFailing, FuzzSource } from './fuzz-classes';

jest.setTimeout(60_000);

type FileKind = 'state.json' | 'metadata.json' | 'events.jsonl' | 'SUCCESS.json';
const KINDS: readonly FileKind[] = ['state.json', 'metadata.json', 'events.jsonl', 'SUCCESS.json'];

/** The real files of a kind: the Python-written fixture store and a store our library wrote. */
function realFiles(stores: readonly string[], kind: FileKind): Buffer[] {
  return stores
    .flatMap((store) => listArtifacts(store))
    .map((artifact) => path.join(artifact.dir, '.gren', kind))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file));
}

/** Bytes derived from real files: cut short, with bytes changed or inserted, a JSON value swapped, or noise. */
function mutated(samples: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const sample = fc.constantFrom(...samples);
  const truncated = sample.chain((bytes) => fc.nat({ max: bytes.length }).map((end) => bytes.subarray(0, end)));
  const flipped = sample.chain((bytes) =>
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((changes) => {
        const copy = Buffer.from(bytes);
        for (const [at, value] of changes) copy[at] = value;
        return copy;
      }),
  );
  const inserted = sample.chain((bytes) =>
    fc
      .tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ minLength: 1, maxLength: 16 }))
      .map(([at, extra]) => Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)])),
  );
  const swapped = sample.chain((bytes) =>
    fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([pick, value]) => swapJsonValue(bytes, pick, value)),
  );
  const noise = fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes));
  // Deep nesting, unclosed (parsers must not overflow) or as a value somewhere in a real file.
  const deep = fc
    .constantFrom('[', '{"a":')
    .chain((open) => fc.integer({ min: 1000, max: 200_000 }).map((depth) => Buffer.from(open.repeat(depth))));
  const nested = fc
    .tuple(sample, fc.nat(), fc.integer({ min: 100, max: 20_000 }))
    .map(([bytes, pick, depth]) => withNesting(swapJsonValue(bytes, pick, DEEP), depth));
  return fc.oneof(truncated, flipped, inserted, swapped, swapped, noise, deep, nested, sample);
}

/** Stands for a deeply nested value until withNesting() writes it (JSON.stringify would overflow). */
const DEEP = '\u0000deep\u0000';

function withNesting(bytes: Buffer, depth: number): Buffer {
  return Buffer.from(bytes.toString('utf8').replace(JSON.stringify(DEEP), '['.repeat(depth) + ']'.repeat(depth)));
}

/** A real state.json with an attempt whose free-form `scheduler` holds a deeply nested value. */
function deepScheduler(samples: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const withAttempt = samples.filter(
    (bytes) => (JSON.parse(bytes.toString('utf8')) as { attempt: unknown }).attempt !== null,
  );
  return fc.tuple(fc.constantFrom(...withAttempt), fc.integer({ min: 100, max: 20_000 })).map(([bytes, depth]) => {
    const state = JSON.parse(bytes.toString('utf8')) as { attempt: { scheduler: unknown } };
    state.attempt.scheduler = { job_id: '1', deep: DEEP };
    return withNesting(Buffer.from(JSON.stringify(state)), depth);
  });
}

/** The file with one value of its JSON (line) replaced, at a position chosen by `pick`. */
function swapJsonValue(bytes: Buffer, pick: number, value: unknown): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const index = pick % lines.length;
  let parsed: unknown;
  try {
    parsed = JSON.parse(lines[index] ?? '');
  } catch {
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
      return Buffer.from(JSON.stringify(replaceAt(parsed, pick, value)));
    } catch {
      return bytes;
    }
  }
  lines[index] = JSON.stringify(replaceAt(parsed, pick, value));
  return Buffer.from(lines.join('\n'));
}

function replaceAt(root: unknown, pick: number, value: unknown): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? [...node.entries()] : Object.entries(node);
    for (const [key, item] of entries) {
      slots.push({ parent: node as Record<string, unknown>, key });
      walk(item);
    }
  };
  walk(root);
  const slot = slots[pick % Math.max(1, slots.length)];
  if (!slot) return value;
  (slot.parent as Record<string | number, unknown>)[slot.key] = value;
  return root;
}

/** What the readers return or throw; anything else (a TypeError, a RangeError) fails the property. */
function onlyGrenStateError(read: () => void): void {
  try {
    read();
  } catch (error) {
    if (error instanceof GrenStateError) return;
    throw error;
  }
}

describe('the store file readers under fuzzing', () => {
  let ours: string;
  let scratch: string;
  let artifact: string;
  let paths: ArtifactPaths;
  const samples = {} as Record<FileKind, Buffer[]>;

  beforeAll(async () => {
    ours = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-fuzz-ours-'));
    const saved = GREN_CONFIG.basePath;
    GREN_CONFIG.basePath = ours;
    try {
      await new FuzzSource({ name: 'fuzz' }).loadOrCreate();
      await new FuzzEverything({
        tags: ['a', 'ü'],
        curve: [0.5, 1],
        source: new FuzzSource({ name: 'dep' }),
      }).loadOrCreate();
      await new FuzzFailing().loadOrCreate().catch(() => undefined);
    } finally {
      GREN_CONFIG.basePath = saved;
    }
    for (const kind of KINDS) samples[kind] = realFiles([PYTHON_STORE, ours], kind);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-fuzz-read-'));
    artifact = path.join(scratch, 'data', 'spec', 'fuzz', 'Read', '0123456789abcdef0123');
    paths = new ArtifactPaths(artifact);
    fs.mkdirSync(paths.internalDir, { recursive: true });
  });

  afterAll(() => {
    fs.rmSync(ours, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('should have real files of every kind from both stores to start from', () => {
    for (const kind of KINDS) expect(samples[kind].length).toBeGreaterThanOrEqual(10);
  });

  /**
   * Writes `bytes` as the artifact's only file, runs `read`, and checks the common
   * properties: neither the file nor the folder changed (a reader that hangs fails on the
   * suite's timeout).
   */
  function readBack(kind: FileKind, bytes: Buffer, read: () => void): void {
    for (const name of fs.readdirSync(paths.internalDir)) fs.rmSync(path.join(paths.internalDir, name));
    const file = path.join(paths.internalDir, kind);
    fs.writeFileSync(file, bytes);
    const before = fs.statSync(file);
    read();
    expect(fs.readdirSync(paths.internalDir)).toEqual([kind]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
  }

  describe('when state.json holds random or damaged bytes', () => {
    it('should return a state that round-trips through our writer, or throw a GrenStateError', () => {
      fc.assert(
        fc.property(
          fc.oneof({ weight: 9, arbitrary: mutated(samples['state.json']) }, deepScheduler(samples['state.json'])),
          (bytes) =>
            readBack('state.json', bytes, () =>
              onlyGrenStateError(() => {
                const state = readState(paths.state);
                expect(new StateManager(artifact).read()).toEqual(state);
                expect(parseState(JSON.parse(serializeState(state)), paths.state)).toEqual(state);
              }),
            ),
        ),
        fuzzParameters('state.json reader', 1500),
      );
    });
  });

  describe('when metadata.json holds random or damaged bytes', () => {
    it('should return an object with a gren_obj object (or nothing), or throw a GrenStateError', () => {
      fc.assert(
        fc.property(mutated(samples['metadata.json']), (bytes) =>
          readBack('metadata.json', bytes, () => {
            onlyGrenStateError(() => {
              // An empty file (metadata is not fsynced, so a power cut can leave one) reads as none.
              const raw = readMetadataRaw(paths.metadata);
              const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
              expect(raw === undefined ? bytes.toString('utf8').trim() : isObject).toBe(raw === undefined ? '' : true);
            });
            onlyGrenStateError(() => {
              const metadata = readMetadata(paths.metadata);
              expect(typeof metadata.gren_obj === 'object' && metadata.gren_obj !== null).toBe(true);
              // Shallow: the value may be nested thousands deep, past what toEqual can walk.
              expect(Object.keys(new MetadataManager(artifact).read())).toEqual(Object.keys(metadata));
            });
          }),
        ),
        fuzzParameters('metadata.json reader', 1000),
      );
    });
  });

  describe('when events.jsonl holds random or damaged bytes', () => {
    it('should return the complete events (objects with a type), skipping torn lines, never throwing', () => {
      fc.assert(
        fc.property(mutated(samples['events.jsonl']), (bytes) =>
          readBack('events.jsonl', bytes, () => {
            const events = readEvents(paths.events);
            expect(events.length).toBeLessThanOrEqual(bytes.toString('utf8').split('\n').length);
            for (const event of events) expect(typeof event.type).toBe('string');
            expect(new StateManager(artifact).events().map((event) => event.type)).toEqual(
              events.map((event) => event.type),
            );
          }),
        ),
        fuzzParameters('events.jsonl reader', 1000),
      );
    });
  });

  describe('when SUCCESS.json holds random or damaged bytes', () => {
    it('should return the attempt id it names (a string) or nothing, never throwing', () => {
      fc.assert(
        fc.property(mutated(samples['SUCCESS.json']), (bytes) =>
          readBack('SUCCESS.json', bytes, () => {
            const attempt = readSuccessMarker(paths);
            expect(attempt === undefined || typeof attempt === 'string').toBe(true);
            expect(new StateManager(artifact).hasSuccessMarker()).toBe(true);
          }),
        ),
        fuzzParameters('SUCCESS.json reader', 1000),
      );
    });
  });
});
