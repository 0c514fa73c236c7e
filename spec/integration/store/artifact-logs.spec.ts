import * as fs from 'node:fs';
import * as path from 'node:path';
import { configureLogging, Field, GREN_CONFIG, Gren, GrenComputeError, GrenObject, getLogger, MISSING } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';
import { artifactLog } from './foreign-attempt';

const userLog = getLogger('spec_project');

@Gren({ namespace: 'spec.store.logs.Leaf' })
class Leaf extends GrenObject<string, Leaf> {
  @Field() name: string = MISSING;

  protected _create(): string {
    userLog.info(`leaf creating ${this.name}`);
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

@Gren({ namespace: 'spec.store.logs.Parent' })
class Parent extends GrenObject<string, Parent> {
  @Field(() => Leaf) leaf: Leaf = MISSING;

  protected async _create(): Promise<string> {
    userLog.info('parent before');
    const value = await this.leaf.loadOrCreate();
    userLog.info('parent after');
    return `parent of ${value}`;
  }

  protected _load(): string {
    return `parent of ${this.leaf.name}`;
  }
}

@Gren({ namespace: 'spec.store.logs.Broken' })
class Broken extends GrenObject<string, Broken> {
  @Field() why: string = MISSING;

  protected _create(): string {
    throw new SyntaxError(this.why);
  }

  protected _load(): string {
    return '';
  }
}

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] \S+ \S+:\d+ /;

/** The log's lines with the time/level/location prefix reduced to `[LEVEL] logger`. */
function lines(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = LINE.exec(line);
      if (!match) return line;
      const [, level] = match;
      const rest = line.slice(match[0].length);
      const logger = line.split(' ')[2];
      return `[${level}] ${logger} ${rest}`;
    });
}

describe('artifact logs (.gren/gren.log)', () => {
  const store = useTempStore('gren-logs-');
  let consoleLines: string[];

  beforeEach(() => {
    GREN_CONFIG.ignoreDiff = true;
    GREN_CONFIG.logLevel = 'INFO';
    consoleLines = [];
    configureLogging({ write: (line) => consoleLines.push(line), color: false });
  });

  afterEach(() => configureLogging({ write: () => undefined, color: false }));

  describe('when an artifact is created', () => {
    it('should write the separator, the decision, _create begin/ok and the return, and the console the short line at the caller', async () => {
      const leaf = new Leaf({ name: 'toy' });

      await leaf.loadOrCreate();

      const { grenHash: hash, grenDir: dir } = leaf;
      expect(lines(artifactLog(dir))).toEqual([
        '------------------',
        `[DEBUG] gren load_or_create Leaf ${hash} ${dir} (create)`,
        `[DEBUG] gren _create: begin Leaf ${hash} ${dir}`,
        '[INFO] spec_project leaf creating toy',
        `[DEBUG] gren _create: ok Leaf ${hash} ${dir}`,
        `[DEBUG] gren load_or_create: Leaf created -> return`,
      ]);
      expect(consoleLines).toEqual([
        expect.stringMatching(
          new RegExp(`^\\d\\d:\\d\\d:\\d\\d \\[artifact-logs\\.spec\\.ts:\\d+\\] load_or_create Leaf ${hash}\\n$`),
        ),
        expect.stringMatching(/^\d\d:\d\d:\d\d \[\S+:\d+\] leaf creating toy\n$/),
        expect.stringMatching(new RegExp(`^\\d\\d:\\d\\d:\\d\\d \\[\\S+:\\d+\\] _create ok Leaf ${hash}\\n$`)),
      ]);
    });
  });

  describe('when the result is loaded from the cache', () => {
    it('should add nothing to the artifact log and one console line', async () => {
      await new Leaf({ name: 'cached' }).loadOrCreate();
      const dir = new Leaf({ name: 'cached' }).grenDir;
      const before = artifactLog(dir);
      consoleLines.length = 0;

      await new Leaf({ name: 'cached' }).loadOrCreate();

      expect(artifactLog(dir)).toBe(before);
      expect(consoleLines).toEqual([expect.stringMatching(/\] load_or_create Leaf [0-9a-f]{20}\n$/)]);
    });
  });

  describe('when a parent loads a dependency inside _create', () => {
    it("should log dep: begin/end in the parent's log and the dependency's own lines only in its log", async () => {
      const parent = new Parent({ leaf: new Leaf({ name: 'inner' }) });
      const leaf = parent.leaf;

      await expect(parent.loadOrCreate()).resolves.toBe('parent of inner');

      expect(lines(artifactLog(parent.grenDir))).toEqual([
        '------------------',
        `[DEBUG] gren load_or_create Parent ${parent.grenHash} ${parent.grenDir} (create)`,
        `[DEBUG] gren _create: begin Parent ${parent.grenHash} ${parent.grenDir}`,
        '[INFO] spec_project parent before',
        `[DEBUG] gren dep: begin Leaf ${leaf.grenHash} ${leaf.grenDir}`,
        `[DEBUG] gren dep: end Leaf ${leaf.grenHash} (ok)`,
        '[INFO] spec_project parent after',
        `[DEBUG] gren _create: ok Parent ${parent.grenHash} ${parent.grenDir}`,
        `[DEBUG] gren load_or_create: Parent created -> return`,
      ]);
      expect(lines(artifactLog(leaf.grenDir))).toEqual([
        '------------------',
        `[DEBUG] gren load_or_create Leaf ${leaf.grenHash} ${leaf.grenDir} (create)`,
        `[DEBUG] gren _create: begin Leaf ${leaf.grenHash} ${leaf.grenDir}`,
        '[INFO] spec_project leaf creating inner',
        `[DEBUG] gren _create: ok Leaf ${leaf.grenHash} ${leaf.grenDir}`,
        `[DEBUG] gren load_or_create: Leaf created -> return`,
      ]);
      expect(fs.existsSync(path.join(store(), 'gren.log'))).toBe(false);
    });
  });

  describe('when _create throws', () => {
    it('should write "_create failed" and the stack to the artifact log only', async () => {
      const broken = new Broken({ why: 'unexpected token' });

      await expect(broken.loadOrCreate()).rejects.toThrow(GrenComputeError);

      const log = artifactLog(broken.grenDir);
      expect(log).toMatch(
        new RegExp(
          `\\[ERROR\\] gren \\S+ _create failed Broken ${broken.grenHash} ${broken.grenDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`,
        ),
      );
      expect(log).toMatch(/\[ERROR\] gren \S+ SyntaxError: unexpected token\n\s+at .*artifact-logs\.spec\.ts/);
      expect(consoleLines.join('')).not.toContain('_create failed');
    });
  });

  describe('when something logs while no artifact is being computed', () => {
    it('should write it to <GREN_PATH>/gren.log', async () => {
      await new Leaf({ name: 'first' }).loadOrCreate();

      userLog.warning('between computations');
      new Leaf({ name: 'first' }).log('through the object', 'DEBUG');

      expect(lines(fs.readFileSync(path.join(store(), 'gren.log'), 'utf8'))).toEqual([
        '[WARNING] spec_project between computations',
      ]);
      expect(artifactLog(new Leaf({ name: 'first' }).grenDir)).toMatch(/\[DEBUG\] gren \S+ through the object\n$/);
    });
  });
});
