import * as fs from 'node:fs';
import { GrenStateError } from '../errors/state-error';
import { parseState } from './parse-state';
import { defaultState, type GrenState } from './state-types';

/**
 * Reads and validates a state.json. A missing file is the default (absent) state; a corrupt
 * or newer-schema file is an error naming it, and the file is left untouched.
 */
export function readState(file: string): GrenState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultState();
    throw error;
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
