import * as fs from 'node:fs';
import * as path from 'node:path';
import { configureLogging, Field, Gren, GrenObject, getLogger } from 'gren-ts';

const log = getLogger('examples.logging');

/** Logs from inside _create land in the artifact's own .gren/gren.log. */
@Gren()
export class NoisyStep extends GrenObject<string, NoisyStep> {
  @Field() label: string = 'step';

  protected _create(): string {
    log.info(`working on ${this.label}`);
    log.debug('details only the artifact log keeps');
    this.log('a line through the object itself');
    return this.label.toUpperCase();
  }

  protected _load(): string {
    return this.label.toUpperCase();
  }
}

async function main(): Promise<void> {
  configureLogging({ level: 'INFO' });
  const step = new NoisyStep({ label: 'logging demo' });
  await step.loadOrCreate();
  const artifactLog = fs.readFileSync(path.join(step.grenDir, '.gren', 'gren.log'), 'utf8');
  console.log(artifactLog.includes('working on logging demo') ? 'artifact log has the step lines' : 'missing lines');
}

void main();
