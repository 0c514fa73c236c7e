import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { directorySize } from '../../../lib/src/cli/store/directory-size';
import { findArtifacts } from '../../../lib/src/cli/store/find-artifacts';
import { readLogTail } from '../../../lib/src/cli/store/read-log-tail';

describe('store files', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-cli-files-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe(findArtifacts, () => {
    it('should find artifact folders in data/ and git/, not enter them, and count a bare hash folder', () => {
      const artifact = path.join(dir, 'data', 'a', 'b', 'C', '0123456789abcdef0123');
      fs.mkdirSync(path.join(artifact, '.gren'), { recursive: true });
      fs.mkdirSync(path.join(artifact, 'outputs', 'nested', '.gren'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'git', 'x', 'V', 'ffffffffffffffffffff'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'data', 'a', 'empty-namespace'), { recursive: true });

      expect(findArtifacts(dir)).toEqual([
        { root: 'data', namespace: 'a.b.C', hash: '0123456789abcdef0123', directory: artifact },
        {
          root: 'git',
          namespace: 'x.V',
          hash: 'ffffffffffffffffffff',
          directory: path.join(dir, 'git', 'x', 'V', 'ffffffffffffffffffff'),
        },
      ]);
    });

    it('should find nothing in a folder without data/ or git/', () => {
      expect(findArtifacts(dir)).toEqual([]);
    });
  });

  describe(directorySize, () => {
    it('should add up the sizes of every file below the folder', () => {
      fs.mkdirSync(path.join(dir, 'x', 'y'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'a'), Buffer.alloc(10));
      fs.writeFileSync(path.join(dir, 'x', 'y', 'b'), Buffer.alloc(1000));

      expect(directorySize(dir)).toBe(1010);
    });
  });

  describe(readLogTail, () => {
    it('should return the last lines of a log longer than one read chunk, multi-byte characters intact', () => {
      const file = path.join(dir, 'gren.log');
      const lines = Array.from({ length: 5000 }, (_, index) => `line ${index} ✓ ${'x'.repeat(20)}`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);

      expect(readLogTail(file, 3)).toEqual(lines.slice(-3));
      expect(readLogTail(file, 0)).toEqual([]);
    });

    it('should return [] for a missing or empty log', () => {
      fs.writeFileSync(path.join(dir, 'empty.log'), '');
      expect(readLogTail(path.join(dir, 'missing.log'), 5)).toEqual([]);
      expect(readLogTail(path.join(dir, 'empty.log'), 5)).toEqual([]);
    });
  });
});
