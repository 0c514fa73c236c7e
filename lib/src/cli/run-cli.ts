import { CommanderError } from 'commander';
import { GrenConfigError } from '../errors/config-error';
import { GrenError } from '../errors/gren-error';
import type { CliContext } from './cli-context';
import { GrenCliError } from './cli-error';
import { processIo, type CliIo } from './cli-io';
import { buildProgram } from './build-program';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { writeJson } from './write-json';

/**
 * Runs the `gren` command line on `args` (without the node and script paths) and resolves
 * with the exit code (see exit-codes.ts). Errors are printed, never thrown: on stderr as
 * `gren: <message>`, and with `--json` also as `{"error": {"code", "message"}}` on stdout.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context: CliContext = { io, exitCode: EXIT_OK };
  const program = buildProgram(context);
  if (args.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return report(error, io, args.includes('--json'));
  }
}

function report(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof CommanderError) {
    // commander printed the message (or the help) already.
    if (error.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  const exitCode =
    error instanceof GrenCliError ? error.exitCode : error instanceof GrenConfigError ? EXIT_USAGE : EXIT_FAILED;
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`gren: ${message}\n`);
  if (!(error instanceof GrenError) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  if (json) writeJson(io, { error: { code, message } });
  return exitCode;
}
