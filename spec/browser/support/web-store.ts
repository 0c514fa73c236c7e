import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, finished } from '../../support/child-process';
import { stopChild } from './dashboard-server';

const CLIENT = path.resolve(__dirname, '..', 'children', 'dist', 'web-store-client.js');

/** An artifact found on disk, with the config its metadata.json stores. */
export interface StoredArtifact {
  root: 'data' | 'git';
  namespace: string;
  hash: string;
  dir: string;
  config: Record<string, unknown>;
}

/**
 * The browser suite's store, written by our library in real processes (children/): eight
 * successes (Dataset → Train → Evaluate, an Ensemble holding two Trains in an array, a
 * version-controlled Report), a failure with a traceback, an attempt kept running by a live
 * child process, and one left queued by an executor that never starts anything.
 */
export class OurStore {
  private constructor(
    readonly root: string,
    private readonly running: ChildProcess,
    private readonly sayFile: string,
  ) {}

  static async create(): Promise<OurStore> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-browser-store-'));
    const sayFile = path.join(root, '..', `${path.basename(root)}.say`);
    const readyFile = path.join(root, '..', `${path.basename(root)}.ready`);
    const running = startClient(root, ['run', 'lr-1'], { READY_FILE: readyFile, SAY_FILE: sayFile });
    const store = new OurStore(root, running, sayFile);
    try {
      await Promise.all([runClient(root, ['seed']), runClient(root, ['queue', 'parked-1'])]);
      await eventually(
        () => fs.existsSync(readyFile) || running.exitCode !== null,
        30_000,
        'the LongRun child to start computing',
      );
      if (running.exitCode !== null) throw new Error(`the LongRun child exited with ${running.exitCode}`);
    } catch (error) {
      await store.dispose();
      throw error;
    }
    fs.rmSync(readyFile, { force: true });
    return store;
  }

  /** Every artifact of the store, read from disk (independent of the API under test). */
  artifacts(): StoredArtifact[] {
    const found: StoredArtifact[] = [];
    for (const root of ['data', 'git'] as const) {
      const base = path.join(this.root, root);
      const walk = (dir: string): void => {
        if (!fs.existsSync(dir)) return;
        if (fs.existsSync(path.join(dir, '.gren', 'state.json'))) {
          const parts = path.relative(base, dir).split(path.sep);
          const metadata = JSON.parse(fs.readFileSync(path.join(dir, '.gren', 'metadata.json'), 'utf8')) as {
            gren_obj: Record<string, unknown>;
          };
          found.push({
            root,
            namespace: parts.slice(0, -1).join('.'),
            hash: parts[parts.length - 1] ?? '',
            dir,
            config: metadata.gren_obj,
          });
          return;
        }
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          if (entry.isDirectory() && entry.name !== '.gren') walk(path.join(dir, entry.name));
        }
      };
      walk(base);
    }
    return found;
  }

  /** The one artifact of `namespace` whose config holds every field of `where`. */
  find(namespace: string, where: Record<string, unknown> = {}): StoredArtifact {
    const matches = this.artifacts().filter(
      (artifact) =>
        artifact.namespace === namespace &&
        Object.entries(where).every(([key, value]) => JSON.stringify(artifact.config[key]) === JSON.stringify(value)),
    );
    if (matches.length !== 1) {
      throw new Error(`expected one ${namespace} with ${JSON.stringify(where)}, found ${matches.length}`);
    }
    return matches[0] as StoredArtifact;
  }

  /** Makes the running LongRun write `line` to its own gren.log (through the live process). */
  say(line: string): void {
    fs.writeFileSync(this.sayFile, `${line}\n`);
  }

  /** Computes one more Dataset in a new process (an artifact that appears while pages are open). */
  async addDataset(name: string): Promise<void> {
    await runClient(this.root, ['dataset', name]);
  }

  async dispose(): Promise<void> {
    await stopChild(this.running, 1_000);
    fs.rmSync(this.sayFile, { force: true });
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

function startClient(root: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLIENT, ...args], {
    env: { ...process.env, GREN_PATH: root, GREN_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function runClient(root: string, args: string[]): Promise<void> {
  const result = await finished(startClient(root, args));
  if (result.code !== 0) {
    throw new Error(`web-store-client ${args.join(' ')} exited with ${String(result.code)}: ${result.stderr}`);
  }
}
