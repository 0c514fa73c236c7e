import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { serializeState, type GrenState } from 'gren-ts';
import { PYTHON_STORE } from '../../test/support/temp-store';
import { buildState } from '../testing/state-builder';
import { strictStateFacts } from './artifact-reader';
import { fastStateFacts, isoTimeMs } from './fast-state-facts';
import { timeMs } from 'gren-ts/store';

const NAMESPACE = 'a.b.Train';
const HASH = '0123456789abcdef0123';
const FILE = '/store/data/a/b/Train/0123456789abcdef0123/.gren/state.json';
const day = (n: number): Date => new Date(Date.UTC(2026, 0, n, 12, 30, 15));

/**
 * The fast reader either declines (undefined) or answers exactly what the strict reader
 * answers, key order included. Returns whether it answered.
 */
function agrees(text: string): boolean {
  const fast = fastStateFacts(text, NAMESPACE, HASH, 'Train');
  if (fast === undefined) return false;
  const strict = strictStateFacts(NAMESPACE, HASH, text, FILE);
  expect(strict.summary.result_status).not.toBe('invalid');
  expect(fast).toEqual(strict);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(strict));
  return true;
}

function withAttempt(state: GrenState, change: (attempt: Record<string, unknown>) => void): GrenState {
  const copy = JSON.parse(JSON.stringify(state)) as GrenState;
  if (copy.attempt) change(copy.attempt as unknown as Record<string, unknown>);
  return copy;
}

/** States of every result and attempt status, with the odd values the writers allow. */
function sampleStates(): GrenState[] {
  const states: GrenState[] = [
    buildState({ result: 'absent', updatedAt: null }),
    buildState({ result: 'incomplete', updatedAt: day(1) }),
    buildState({ result: 'incomplete', updatedAt: day(2), attempt: { status: 'queued', startedAt: day(2) } }),
    buildState({
      result: 'incomplete',
      updatedAt: day(3),
      attempt: { status: 'running', startedAt: day(3), backend: 'slurm', number: 3, host: 'gpu-7', user: 'bob' },
    }),
    buildState({ result: 'success', updatedAt: day(4), attempt: { status: 'success', startedAt: day(4) } }),
    buildState({
      result: 'failed',
      updatedAt: day(5),
      attempt: {
        status: 'failed',
        startedAt: day(5),
        error: { type: 'ValueError', message: 'bad "lr"\n\tline 2 — ünïcode', traceback: 'Traceback:\n  x\\y' },
        reason: 'user said "stop"',
      },
    }),
    buildState({ result: 'incomplete', updatedAt: day(6), attempt: { status: 'cancelled', startedAt: day(6) } }),
    buildState({
      result: 'incomplete',
      updatedAt: day(7),
      attempt: { status: 'preempted', startedAt: day(7), reason: 'slurm preemption' },
    }),
    buildState({
      result: 'incomplete',
      updatedAt: day(8),
      attempt: {
        status: 'crashed',
        startedAt: day(8),
        error: { type: 'Crash', message: '', traceback: null },
      },
    }),
  ];
  const running = states[3] as GrenState;
  states.push(
    withAttempt(running, (attempt) => {
      attempt.scheduler = { job_id: '12345', restarts: 2, array: false, node: null, memory_gb: 1.5 };
    }),
    withAttempt(running, (attempt) => {
      attempt.scheduler = { nested: { job_id: '1' } };
    }),
    withAttempt(running, (attempt) => {
      attempt.owner = { ...(attempt.owner as object), host: null, hostname: 'only-hostname', pid: null };
    }),
    withAttempt(running, (attempt) => {
      attempt.owner = { ...(attempt.owner as object), host: 'only-host', hostname: null, user: null };
    }),
    withAttempt(running, (attempt) => {
      attempt.owner = { ...(attempt.owner as object), user: 'b\u00f6b "the" \\ builder', hostname: 'h\u2028st' };
      attempt.backend = 'lo\ncal';
    }),
    withAttempt(running, (attempt) => {
      attempt.lease_duration_sec = 0.25;
      attempt.number = 12;
    }),
  );
  return states;
}

describe(fastStateFacts, () => {
  it('should read every state.json of the Python-written store as the strict reader does', () => {
    const files: string[] = [];
    const walk = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const child = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(child);
        else if (entry.name === 'state.json') files.push(child);
      }
    };
    walk(PYTHON_STORE);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(agrees(fs.readFileSync(file, 'utf8'))).toBe(true);
  });

  it('should read what serializeState writes for every status as the strict reader does', () => {
    const states = sampleStates();
    const answered = states.map((state) => agrees(serializeState(state)));
    // Only the nested scheduler object is left to the strict reader.
    expect(answered.filter((ok) => !ok)).toHaveLength(1);
    expect(answered[10]).toBe(false);
  });

  it('should decline a layout it does not know, a newer schema or a value it does not read exactly', () => {
    const text = serializeState(sampleStates()[3] as GrenState);
    const variants = [
      JSON.stringify(JSON.parse(text)),
      JSON.stringify(JSON.parse(text), null, 4),
      text.replace('"schema_version": 1', '"schema_version": 2'),
      text.replace('"schema_version": 1', '"schema_version": 1.0'),
      text.replace('"number": 3', '"number": 3.0'),
      text.replace('"number": 3', '"number": 3e0'),
      text.replace('"number": 3', '"number": null'),
      text.replace('"number": 3', '"number": 12345678901234567890'),
      text.replace('"lease_duration_sec": 120.0', '"lease_duration_sec": 1e999'),
      text.replace('"status": "running"', '"status": "paused"'),
      text.replace('"status": "incomplete"', '"status": "success"'),
      text.replace('"pid": 4242', '"pid": 42.5'),
      text.replace('"user": "bob"', '"user": "al\u0001ice"'),
      text.replace('"user": "bob"', '"user": "al\\qice"'),
      text.replace('"user": "bob"', '"user": "\\ud800"'),
      text.replace('"user": "bob"', '"user": 7'),
      text.replace('"scheduler": {}', '"scheduler": []'),
      text.replace('"scheduler": {}', '"scheduler": null'),
      text.replace('\n  "updated_at"', '\n  "extra": 1,\n  "updated_at"'),
      `\ufeff${text}`,
      `${text}\n \t\r\n`,
      `${text}x`,
      `${text}{}`,
    ];
    const answered = variants.map((variant) => agrees(variant));
    // Trailing whitespace and a lone surrogate escape (JSON.parse accepts both) are read.
    expect(answered).toEqual(variants.map((_, index) => index === 14 || index === 20));
  });

  it('should decline, never misread, any truncated or one-character-damaged file', () => {
    const chars = ['', '"', '\\', '\n', ',', '}', '1', '.', 'x', '\u0001'];
    let answered = 0;
    let tried = 0;
    for (const state of sampleStates().filter((_, index) => [0, 5, 9].includes(index))) {
      const text = serializeState(state);
      for (let at = 0; at <= text.length; at += 1) {
        tried += 1;
        if (agrees(text.slice(0, at))) answered += 1;
        for (const char of chars) {
          // Replace the character at `at` (or delete it), and insert before it.
          for (const variant of [
            text.slice(0, at) + char + text.slice(at + 1),
            text.slice(0, at) + char + text.slice(at),
          ]) {
            tried += 1;
            if (agrees(variant)) answered += 1;
          }
        }
      }
    }
    // Many damaged files are still valid (a changed letter in a string): those are read.
    expect(answered).toBeGreaterThan(500);
    expect(answered).toBeLessThan(tried);
  });

  it('should agree with the strict reader on random strings and numbers in every field', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    let answered = 0;
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: null }),
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 8),
        ),
        fc.constantFrom('queued', 'running', 'success', 'failed', 'cancelled', 'preempted', 'crashed'),
        (backend, user, message, number, pid, lease, status) => {
          const base = buildState({
            result: status === 'success' ? 'success' : 'incomplete',
            updatedAt: day(9),
            attempt: {
              status: status as 'running',
              startedAt: day(9),
              error: { type: 'E', message, traceback: message },
            },
          });
          const state = withAttempt(base, (attempt) => {
            attempt.backend = backend;
            attempt.number = number;
            attempt.lease_duration_sec = lease;
            attempt.owner = { ...(attempt.owner as object), user, hostname: message, pid };
          });
          if (agrees(serializeState(state))) answered += 1;
        },
      ),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('should parse times as the library does (isoTimeMs is timeMs written out for reader threads)', () => {
    const times = [
      '2026-01-01T01:31:41+00:00',
      '2026-01-01T01:31:41.123456+00:00',
      '2026-01-01T01:31:41Z',
      '2026-01-01T01:31:41z',
      '2026-01-01T01:31:41',
      '2026-01-01T01:31:41.5',
      '2026-01-01T03:31:41+02:00',
      '2026-01-01T03:31:41+0200',
      '2026-01-01T03:31:41-05:30',
      '2026-01-01',
      '2026-02-30T00:00:00+00:00',
      '2026-13-01T00:00:00+00:00',
      '',
      'yesterday',
      '+00:00',
      '0001-01-01T00:00:00+00:00',
    ];
    for (const time of times) expect([time, isoTimeMs(time)]).toEqual([time, timeMs(time)]);
    expect(isoTimeMs(null)).toBeNull();
  });
});
