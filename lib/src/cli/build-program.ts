import { Command } from 'commander';
import { version } from '../version';
import type { CliContext } from './cli-context';
import { registerDiff } from './commands/diff-command';
import { registerExplain } from './commands/explain-command';
import { registerGc } from './commands/gc-command';
import { registerLs } from './commands/ls-command';
import { registerMigrate } from './commands/migrate-command';
import { registerRun } from './commands/run-command';
import { registerShow } from './commands/show-command';

const EXIT_CODES_HELP = `
Exit codes:
  0  done (also gc --dry-run, and explain of a config that is not cached)
  1  the operation failed, or the artifact, module or class named does not exist;
     run: a config failed or was skipped
  130, 143  run: stopped by SIGINT, SIGTERM (what it submitted is cancelled)
  2  usage error (unknown command or option, invalid value, missing argument)

The store is --root, else GREN_PATH, else ./data-gren.`;

/** The `gren` command line (one fresh program per run: commander keeps parsed values). */
export function buildProgram(context: CliContext): Command {
  const program = new Command('gren')
    .description(
      'Run sweeps, and inspect and clean a gren store: list, show, explain a cache miss, diff configs, collect garbage',
    )
    .version(version, '-V, --version', 'print the gren version')
    .option('--root <path>', 'the store (GREN_PATH) to work on')
    .option('--no-progress', 'never draw progress bars (they only appear on a terminal)')
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  registerLs(program, context);
  registerShow(program, context);
  registerExplain(program, context);
  registerDiff(program, context);
  registerGc(program, context);
  registerRun(program, context);
  registerMigrate(program, context);
  return program;
}
