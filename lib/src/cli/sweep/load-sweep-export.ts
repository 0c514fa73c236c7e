import type { SweepInput } from '../../sweep/sweep-input';
import { GrenCliError } from '../cli-error';
import { loadUserModule } from '../config/load-user-module';

/**
 * The configs a module exports under `name`: a GrenList class, an array or iterable of
 * configs, or a function (maybe async) returning one of those.
 */
export async function loadSweepExport(file: string, name: string): Promise<SweepInput> {
  const exports = loadUserModule(file);
  if (!(name in exports)) {
    const names = Object.keys(exports).filter((key) => key !== '__esModule');
    throw GrenCliError.notFound(
      `${file} exports nothing named '${name}'. Its exports: ${names.join(', ') || '(none)'}.`,
    );
  }
  let value: unknown = exports[name];
  if (typeof value === 'function' && !isIterable(value) && !isClass(value)) value = await (value as () => unknown)();
  if (!isIterable(value)) {
    throw GrenCliError.usage(
      `'${name}' in ${file} is not a sweep: export a GrenList class, an array of configs, or a function returning one.`,
    );
  }
  return value as SweepInput;
}

function isIterable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}
