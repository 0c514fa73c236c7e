import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenSerializer } from 'gren-ts';

/** Data written by the real Python gren 0.2.0 (see its README.md); read-only, never written to. */
export const PYTHON_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'python');
export const PYTHON_STORE = path.join(PYTHON_FIXTURES, 'python-store');
/** What a Python process SIGKILLed in `TrainModel._create` left: a running attempt of a dead pid and its compute-lock file. */
export const PYTHON_KILLED = path.join(PYTHON_FIXTURES, 'python-killed');

export interface ObjectVector {
  label: string;
  namespace: string;
  config: Record<string, unknown>;
  canonical_json: string;
  hash: string;
  to_python: string | null;
}

export interface DigestVector {
  canonical_json: string;
  hash: string;
}

interface VectorFile {
  objects: ObjectVector[];
  digest_only: DigestVector[];
}

/** The hash vectors, parsed so that Python floats (`1.0`) and big integers survive. */
export function loadHashVectors(): VectorFile {
  const text = fs.readFileSync(path.join(PYTHON_FIXTURES, 'hash-vectors.json'), 'utf8');
  return GrenSerializer.parseJson(text) as VectorFile;
}

/** Turns the vectors' `__py_enum__` / `__py_datetime__` stand-ins into what toDict() holds. */
export function vectorConfigToDict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(vectorConfigToDict);
  if (typeof value !== 'object' || value === null || value.constructor !== Object) return value;
  const record = value as Record<string, unknown>;
  if ('__py_enum__' in record) return record.value;
  if ('__py_datetime__' in record) return record.__py_datetime__;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, vectorConfigToDict(item)]));
}

/** Every artifact directory of a store: { root: 'data'|'git', namespace, hash, dir }. */
export function listArtifacts(store: string): { root: string; namespace: string; hash: string; dir: string }[] {
  const found: { root: string; namespace: string; hash: string; dir: string }[] = [];
  for (const root of ['data', 'git']) {
    const base = path.join(store, root);
    if (!fs.existsSync(base)) continue;
    const walk = (dir: string): void => {
      if (fs.existsSync(path.join(dir, '.gren', 'state.json'))) {
        const parts = path.relative(base, dir).split(path.sep);
        found.push({ root, namespace: parts.slice(0, -1).join('.'), hash: parts[parts.length - 1] ?? '', dir });
        return;
      }
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== '.gren') walk(path.join(dir, entry.name));
      }
    };
    walk(base);
  }
  return found;
}
