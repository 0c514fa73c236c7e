#!/usr/bin/env node
import 'reflect-metadata';
import { quietOnClosedPipe } from '../cli/quiet-on-closed-pipe';
import { runCli } from '../cli/run-cli';
import { printUncaughtGrenErrors } from '../errors/print-uncaught-errors';

printUncaughtGrenErrors();
quietOnClosedPipe(process.stdout);

/** `gren`: list, show, explain, diff and garbage-collect a gren store (see `gren --help`). */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gren: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
