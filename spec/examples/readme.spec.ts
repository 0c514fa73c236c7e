import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The README is the front door: every example it shows is a file in examples/ (run by
 * examples.spec.ts), every npm script it names exists, and the picture it shows is there.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const EXAMPLE_BLOCK = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;

describe('README.md', () => {
  const blocks = [...README.matchAll(EXAMPLE_BLOCK)].map((match) => [match[1]!, match[2]!] as const);

  it('should show the examples it promises', () => {
    expect(blocks.map(([file]) => file)).toEqual(
      expect.arrayContaining([
        'examples/quickstart.ts',
        'examples/train.ts',
        'examples/custom-executor.ts',
        'examples/slurm.ts',
      ]),
    );
  });

  it.each(blocks)('should show %s exactly as the file is', (file, code) => {
    expect(code).toBe(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  });

  it('should only name npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts,
    );
    const named = [...README.matchAll(/npm (?:run )?(demo|test|bench|lint|typecheck|format)\b/g)].map(
      (match) => match[1]!,
    );
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(scripts).toContain(script);
  });

  it('should give the two commands of a new user', () => {
    expect(README).toContain('npm install && npm run demo');
    expect(README).toContain('npm ci && npm test');
  });

  it('should show a picture of the dashboard that exists', () => {
    const [, image] = /!\[[^\]]*\]\(([^)]+\.png)\)/.exec(README) ?? [];
    expect(image).toBeDefined();
    expect(fs.existsSync(path.join(ROOT, image!))).toBe(true);
  });
});
