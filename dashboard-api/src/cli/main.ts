#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './build-program';
import { CliError } from './cli-error';
import type { RunningServer } from './start-server';

/** Entry point of `gren-dashboard`: exit 0 on help, 2 on a usage or start-up error. */
async function main(): Promise<void> {
  let running: RunningServer | undefined;
  const io = {
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
  };
  const program = buildProgram(io, (server) => {
    running = server;
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof CliError) {
      io.err(`gren-dashboard: ${error.message}`);
      process.exitCode = error.exitCode;
      return;
    }
    io.err(`gren-dashboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const server = running;
  if (!server) return;
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
