import type { Command } from 'commander';
import { storePath, type CliContext } from '../cli-context';
import { detailsToJson, formatDetails } from '../format/show-format';
import { readArtifactDetails } from '../store/artifact-details';
import { locateArtifact } from '../store/locate-artifact';
import { requireStore } from '../store/require-store';
import { writeJson } from '../write-json';
import { parseCount } from './parse-count';

interface ShowOptions {
  tail: number;
  json?: boolean;
}

export function registerShow(program: Command, context: CliContext): void {
  program
    .command('show')
    .description(
      'Show one artifact: state, attempt (error and traceback), metadata, dependencies, where a reused result lives and who reuses it, log tail',
    )
    .argument(
      '<artifact>',
      '<namespace>/<hash> (dots or slashes; a unique hash prefix of 4+ characters is enough), or the artifact folder',
    )
    .option('--tail <lines>', 'lines of .gren/gren.log to show', parseCount, 20)
    .option('--json', 'print JSON')
    .action((reference: string, options: ShowOptions, command: Command) => {
      const base = storePath(command);
      requireStore(base);
      const details = readArtifactDetails(base, locateArtifact(base, reference), options.tail);
      if (options.json) writeJson(context.io, detailsToJson(details));
      else context.io.stdout.write(formatDetails(details));
    });
}
