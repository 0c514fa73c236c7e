import type { Command } from 'commander';
import { diffConfigs } from '../../explain/diff-configs';
import { differenceToJson } from '../../explain/explanation-json';
import { formatDifferences } from '../../explain/format-explanation';
import { readStoredArtifact, type StoredArtifactView } from '../../explain/read-stored-artifact';
import { GrenCliError } from '../cli-error';
import { storePath, type CliContext } from '../cli-context';
import type { ArtifactLocation } from '../../store/store-layout';
import { locateArtifact } from '../store/locate-artifact';
import { requireStore } from '../store/require-store';
import { writeJson } from '../write-json';

export function registerDiff(program: Command, context: CliContext): void {
  program
    .command('diff')
    .description('Compare the configs of two stored artifacts (metadata gren_obj), field by field, as explain does')
    .argument('<old>', '<namespace>/<hash> of the first artifact')
    .argument('<new>', '<namespace>/<hash> of the second artifact')
    .option('--json', 'print JSON')
    .action((oldRef: string, newRef: string, options: { json?: boolean }, command: Command) => {
      const base = storePath(command);
      requireStore(base);
      const before = readConfig(locateArtifact(base, oldRef));
      const after = readConfig(locateArtifact(base, newRef));
      const differences = diffConfigs(before.tree, after.tree);
      if (options.json) {
        writeJson(context.io, {
          old: describe(before),
          new: describe(after),
          differences: differences.map(differenceToJson),
        });
        return;
      }
      const count =
        differences.length === 0
          ? 'no field differs'
          : differences.length === 1
            ? '1 field differs'
            : `${differences.length} fields differ`;
      const lines = [
        `old: ${label(before)}`,
        `new: ${label(after)}`,
        `${count}${differences.length ? ':' : '.'}`,
        ...formatDifferences(differences),
      ];
      context.io.stdout.write(`${lines.join('\n')}\n`);
    });
}

interface Side {
  location: ArtifactLocation;
  view: StoredArtifactView;
  tree: unknown;
  exact: boolean;
}

function readConfig(location: ArtifactLocation): Side {
  const view = readStoredArtifact(location.directory, location.hash);
  if ('missing' in view.config)
    throw GrenCliError.notFound(
      `${location.namespace}/${location.hash} has no stored config to compare: ${view.config.missing}.`,
    );
  return { location, view, tree: view.config.tree, exact: view.config.exact };
}

function label(side: Side): string {
  return `${side.location.namespace}/${side.location.hash} [${side.view.result ?? 'absent'}]`;
}

function describe(side: Side): Record<string, unknown> {
  return {
    namespace: side.location.namespace,
    gren_hash: side.location.hash,
    directory: side.location.directory,
    result_status: side.view.result,
    exact: side.exact,
  };
}
