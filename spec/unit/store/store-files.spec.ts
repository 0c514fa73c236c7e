import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { directorySize } from '../../../lib/src/store/directory-size';
import { findArtifacts } from '../../../lib/src/store/find-artifacts';
import { readLogTail } from '../../../lib/src/store/read-log-tail';

describe('store files', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-cli-files-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe(findArtifacts, () => {
    const withState = (folder: string): string => {
      fs.mkdirSync(path.join(folder, '.gren'), { recursive: true });
      fs.writeFileSync(path.join(folder, '.gren', 'state.json'), '{}');
      return folder;
    };

    it('should find folders holding .gren/state.json below a namespace in data/ and git/, without entering them', () => {
      const artifact = withState(path.join(dir, 'data', 'a', 'b', 'C', '0123456789abcdef0123'));
      withState(path.join(artifact, 'outputs', 'nested'));
      const inGit = withState(path.join(dir, 'git', 'x', 'V', 'named-by-hand'));
      withState(path.join(dir, 'data', 'right-under-root'));
      fs.mkdirSync(path.join(dir, 'git', 'x', 'V', 'ffffffffffffffffffff'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'data', 'a', 'D', 'eeeeeeeeeeeeeeeeeeee', '.gren'), { recursive: true });

      expect(findArtifacts(dir)).toEqual([
        { root: 'data', namespace: 'a.b.C', hash: '0123456789abcdef0123', directory: artifact },
        { root: 'git', namespace: 'x.V', hash: 'named-by-hand', directory: inGit },
      ]);
    });

    it('should add the leftovers gc needs when asked: a .gren/ without state.json, a bare hash-named folder', () => {
      const artifact = withState(path.join(dir, 'data', 'a', 'C', '0123456789abcdef0123'));
      const noState = path.join(dir, 'data', 'a', 'D', 'eeeeeeeeeeeeeeeeeeee');
      fs.mkdirSync(path.join(noState, '.gren'), { recursive: true });
      const bare = path.join(dir, 'git', 'x', 'V', 'ffffffffffffffffffff');
      fs.mkdirSync(bare, { recursive: true });
      fs.mkdirSync(path.join(dir, 'data', 'a', 'empty-namespace'), { recursive: true });

      expect(findArtifacts(dir, { leftovers: true })).toEqual([
        { root: 'data', namespace: 'a.C', hash: '0123456789abcdef0123', directory: artifact },
        { root: 'data', namespace: 'a.D', hash: 'eeeeeeeeeeeeeeeeeeee', directory: noState },
        { root: 'git', namespace: 'x.V', hash: 'ffffffffffffffffffff', directory: bare },
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

      expect(readLogTail(file, 3).lines).toEqual(lines.slice(-3));
      expect(readLogTail(file, 0).lines).toEqual([]);
    });

    it('should return [] for a missing or empty log', () => {
      fs.writeFileSync(path.join(dir, 'empty.log'), '');
      expect(readLogTail(path.join(dir, 'missing.log'), 5).lines).toEqual([]);
      expect(readLogTail(path.join(dir, 'empty.log'), 5).lines).toEqual([]);
    });
  });
});
