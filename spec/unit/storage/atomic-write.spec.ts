import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrenStateError } from '../../../lib/src/errors/state-error';
import { writeFilesAtomic } from '../../../lib/src/storage/atomic-write';

describe('writeFilesAtomic', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-atomic-write-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when every file can be written', () => {
    it('should replace each file with its text and leave no temp file', () => {
      const marker = path.join(dir, 'SUCCESS.json');
      const state = path.join(dir, 'state.json');
      fs.writeFileSync(state, 'old state');

      writeFilesAtomic([
        { file: marker, text: 'marker' },
        { file: state, text: 'new state' },
      ]);

      expect(fs.readFileSync(marker, 'utf8')).toBe('marker');
      expect(fs.readFileSync(state, 'utf8')).toBe('new state');
      expect(fs.readdirSync(dir).sort()).toEqual(['SUCCESS.json', 'state.json']);
    });
  });

  describe('when one file of the batch cannot be written', () => {
    it('should replace none of them, remove every temp file and name the file in a GrenStateError', () => {
      const state = path.join(dir, 'state.json');
      fs.writeFileSync(state, 'old state');
      const unwritable = path.join(dir, 'missing-folder', 'SUCCESS.json');

      const write = (): void =>
        writeFilesAtomic([
          { file: state, text: 'new state' },
          { file: unwritable, text: 'marker' },
        ]);

      expect(write).toThrow(GrenStateError);
      expect(write).toThrow(unwritable);
      expect(fs.readFileSync(state, 'utf8')).toBe('old state');
      expect(fs.readdirSync(dir)).toEqual(['state.json']);
    });
  });
});
