import * as path from 'node:path';
import type { Command } from 'commander';
import { GREN_CONFIG } from '../settings/gren-config';
import type { CliIo } from './cli-io';
import { createProgress, type Progress } from './progress';

/** Options every command accepts (declared on the program). */
export interface GlobalOptions {
  root?: string;
  progress: boolean;
}

/** What a command's action needs besides its arguments. */
export interface CliContext {
  readonly io: CliIo;
  /** What the process exits with when the action returns normally (errors set their own). */
  exitCode: number;
}

/** The store a command works on: `--root`, else GREN_PATH (GREN_CONFIG.basePath, default ./data-gren). */
export function storePath(command: Command): string {
  const options = command.optsWithGlobals<GlobalOptions>();
  return path.resolve(options.root ?? GREN_CONFIG.basePath);
}

/** A progress bar unless `--no-progress`, `--json`, or stderr is not a terminal. */
export function progressFor(context: CliContext, command: Command, json: boolean): Progress {
  const options = command.optsWithGlobals<GlobalOptions>();
  return createProgress(context.io, options.progress !== false && !json);
}
