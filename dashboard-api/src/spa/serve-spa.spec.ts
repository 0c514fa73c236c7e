import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assetFile } from './serve-spa';

describe(assetFile, () => {
  let outside: string;
  let root: string;

  beforeAll(() => {
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gren-spa-assets-')));
    root = path.join(outside, 'browser');
    fs.mkdirSync(path.join(root, 'media'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<app-root></app-root>');
    fs.writeFileSync(path.join(root, 'main-ABCDEFGH.js'), 'main');
    fs.writeFileSync(path.join(root, 'media', 'logo.svg'), '<svg/>');
    fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(outside, 'canary.txt'), 'canary');
    fs.symlinkSync(path.join(outside, 'canary.txt'), path.join(root, 'link.txt'));
    fs.symlinkSync(outside, path.join(root, 'up'));
  });

  afterAll(() => {
    fs.rmSync(outside, { recursive: true, force: true });
  });

  describe('when the path names a file of the build', () => {
    it.each([
      ['/main-ABCDEFGH.js', 'main-ABCDEFGH.js'],
      ['/media/logo.svg', 'media/logo.svg'],
      ['/media%2Flogo.svg', 'media/logo.svg'],
      ['//media//logo.svg', 'media/logo.svg'],
    ])('should serve %p', (url, file) => {
      expect(assetFile(root, url)).toBe(path.join(root, file));
    });
  });

  describe('when the path leaves the folder, is hidden, a link, or malformed', () => {
    it.each([
      '/',
      '/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6',
      '/../canary.txt',
      '/%2e%2e/canary.txt',
      '/..%2fcanary.txt',
      '/media/../../canary.txt',
      '/.env',
      '/link.txt',
      '/up/canary.txt',
      '/media',
      '/main-ABCDEFGH.js%00.html',
      '/%E0%A4%A',
      '/..\\canary.txt',
    ])('should not serve %p', (url) => {
      expect(assetFile(root, url)).toBeUndefined();
    });
  });
});
