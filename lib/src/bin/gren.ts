#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from '../cli/run-cli';
import { printUncaughtGrenErrors } from '../errors/print-uncaught-errors';

printUncaughtGrenErrors();

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
