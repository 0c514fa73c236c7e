import type { Command } from 'commander';
import { runInContainer } from '../../di/container-scope';
import { createGrenContainer } from '../../di/create-gren-container';
import { explanationToJson } from '../../explain/explanation-json';
import { formatExplanation } from '../../explain/format-explanation';
import type { GrenObject } from '../../model/gren-object';
import { GREN_CONFIG } from '../../settings/gren-config';
import { storePath, type CliContext } from '../cli-context';
import { buildConfig } from '../config/build-config';
import { findConfigClass } from '../config/find-config-class';
import { loadUserModule } from '../config/load-user-module';
import { parseAssignments } from '../config/parse-set';
import { writeJson } from '../write-json';
import { parseCount } from './parse-count';

interface ExplainCommandOptions {
  set: string[];
  limit: number;
  json?: boolean;
}

export function registerExplain(program: Command, context: CliContext): void {
  program
    .command('explain')
    .description(
      'Explain why a config would be loaded or computed: where its artifact is and its state, or the nearest stored configs of its class and the fields that differ (old → new)',
    )
    .argument('<module>', 'the file defining the class (.ts through ts-node, or .js)')
    .argument('<ClassName>', 'the GrenObject class (its export name, or its namespace)')
    .option(
      '--set <field=value>',
      'change a field of new ClassName(): JSON when it parses, else a string; dots reach nested configs (dataset.name=mnist); repeatable',
      collect,
      [],
    )
    .option('--limit <n>', 'show at most this many equally near artifacts', parseCount, 3)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  gren explain examples/my_project/pipelines.ts TrainModel --set lr=0.0003\n')
    .action((file: string, className: string, options: ExplainCommandOptions, command: Command) => {
      // A container on the --root store: the config's directory and the explanation follow it.
      const settings = { ...GREN_CONFIG, basePath: storePath(command) };
      const assignments = parseAssignments(options.set);
      const cls = findConfigClass(loadUserModule(file), className, file);
      const config = buildConfig(cls, assignments) as GrenObject;
      const explanation = runInContainer(createGrenContainer({ settings }), () =>
        config.explain({ limit: options.limit }),
      );
      if (options.json) writeJson(context.io, explanationToJson(explanation));
      else context.io.stdout.write(formatExplanation(explanation));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
