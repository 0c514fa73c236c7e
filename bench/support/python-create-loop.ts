/**
 * The Python gren's create loop (bench/support/python/create_loop.py), the comparison row of
 * the create benchmark. It runs only when the environment points at a Python and at the
 * folder holding the Python gren 0.2.0 and its dependencies:
 *   GREN_BENCH_PYTHON=/path/to/python3.11 GREN_BENCH_PYTHONPATH=/path/to/site
 * The Python gren is not part of this project; set it up outside the repository.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const PYTHON_LOOP_DIR = path.join(__dirname, 'python');

export interface PythonGren {
  python: string;
  pythonPath: string;
}

/** The configured Python gren, or undefined when GREN_BENCH_PYTHON is unset. */
export function configuredPythonGren(): PythonGren | undefined {
  const python = process.env.GREN_BENCH_PYTHON;
  if (python === undefined || python === '') return undefined;
  const pythonPath = process.env.GREN_BENCH_PYTHONPATH;
  if (pythonPath === undefined || pythonPath === '')
    throw new Error('GREN_BENCH_PYTHON is set but GREN_BENCH_PYTHONPATH is not: set it to the folder holding gren/');
  return { python, pythonPath };
}

/** Starts `count` creates of the Python gren in `store`, from `repo` (which has an origin remote). */
export function startPythonLoop(
  gren: PythonGren,
  repo: string,
  store: string,
  count: number,
  label: string,
): ChildProcess {
  return spawn(gren.python, [path.join(PYTHON_LOOP_DIR, 'create_loop.py'), String(count), label], {
    cwd: repo,
    env: {
      ...process.env,
      PYTHONPATH: [gren.pythonPath, PYTHON_LOOP_DIR].join(path.delimiter),
      GREN_PATH: store,
      GREN_LOG_LEVEL: 'WARNING',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
