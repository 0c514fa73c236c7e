import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSpaDirectory } from './find-spa';

describe(findSpaDirectory, () => {
  let dist: string;

  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-spa-'));
  });

  afterEach(() => {
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const page = (...parts: string[]): string => {
    const folder = path.join(dist, ...parts);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'index.html'), '<html></html>');
    return folder;
  };

  it('should find dist/browser (Angular 17+ application builder)', () => {
    expect(findSpaDirectory([dist])).toBeUndefined();
    expect(findSpaDirectory([dist, page('browser')])).toBe(path.join(dist, 'browser'));
  });

  it('should find dist/<project>/browser before a server folder', () => {
    page('dashboard-web', 'server');
    const browser = page('dashboard-web', 'browser');
    expect(findSpaDirectory([dist])).toBe(browser);
  });

  it('should accept dist itself holding index.html', () => {
    expect(findSpaDirectory([path.join(dist, 'missing'), page()])).toBe(dist);
  });
});
