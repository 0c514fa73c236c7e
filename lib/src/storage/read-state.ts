import * as fs from 'node:fs';
import { GrenStateError } from '../errors/state-error';
import { parseState } from './parse-state';
import { defaultState, type GrenState } from './state-types';

/**
 * Reads and validates a state.json. A missing file is the default (absent) state; a corrupt
 * or newer-schema file is an error naming it, and the file is left untouched. `opened` sees
 * the descriptor before it is read, to fstat exactly the bytes that are parsed.
 */
export function readState(file: string, opened?: (fd: number) => void): GrenState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultState();
    throw error;
  }
  let text: string;
  try {
    opened?.(fd);
    text = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  return parseStateText(text, file);
}

export function parseStateText(text: string, file: string): GrenState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw GrenStateError.invalidJson(file, error);
  }
  return parseState(data, file);
}
